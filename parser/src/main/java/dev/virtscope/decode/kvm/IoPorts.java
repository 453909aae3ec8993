package dev.virtscope.decode.kvm;

/**
 * I/O port → the PC device QEMU emulates there (the classic ISA map, the PCI configuration
 * mechanism #1, QEMU's fw_cfg and debug console, and the ACPI PM block of q35 / PIIX4).
 */
public final class IoPorts {
    private IoPorts() {
    }

    /** Device name of a port, or null when unknown. */
    public static String device(int port) {
        if (port >= 0x20 && port <= 0x21) return "PIC1";
        if (port >= 0xa0 && port <= 0xa1) return "PIC2";
        if (port >= 0x40 && port <= 0x43) return "PIT";
        if (port == 0x60 || port == 0x64) return "i8042";
        if (port == 0x61) return "PC speaker / NMI status";
        if (port >= 0x70 && port <= 0x71) return "RTC/CMOS";
        if (port == 0x80) return "POST";
        if (port == 0x92) return "system control (A20)";
        if (port >= 0x3f8 && port <= 0x3ff) return "COM1";
        if (port >= 0x2f8 && port <= 0x2ff) return "COM2";
        if (port >= 0x3e8 && port <= 0x3ef) return "COM3";
        if (port >= 0x2e8 && port <= 0x2ef) return "COM4";
        if (port >= 0x1f0 && port <= 0x1f7 || port == 0x3f6) return "IDE primary";
        if (port >= 0x170 && port <= 0x177 || port == 0x376) return "IDE secondary";
        if (port >= 0x3c0 && port <= 0x3df) return "VGA";
        if (port == 0x402) return "debugcon";
        if (port == 0x4d0 || port == 0x4d1) return "ELCR";
        if (port >= 0x510 && port <= 0x511) return "fw_cfg";
        if (port >= 0x514 && port <= 0x51b) return "fw_cfg DMA";
        if (port == 0x505) return "pvpanic";
        if (port >= 0xcf8 && port <= 0xcfb) return "PCI config address";
        if (port >= 0xcfc && port <= 0xcff) return "PCI config data";
        if (port == 0xcf9) return "reset control";
        if (port >= 0xb000 && port <= 0xb03f) return "ACPI PM";
        if (port >= 0x600 && port <= 0x63f) return "ACPI PM (PIIX4)";
        if (port == 0xb2 || port == 0xb3) return "APM/SMI";
        return null;
    }

    public static String describe(int port) {
        String d = device(port);
        return d == null ? "0x" + Integer.toHexString(port) : "0x" + Integer.toHexString(port) + " " + d;
    }
}
