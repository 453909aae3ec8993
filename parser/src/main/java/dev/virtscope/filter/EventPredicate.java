package dev.virtscope.filter;

/** A yes/no test of one event, by event number. */
@FunctionalInterface
public interface EventPredicate {
    boolean test(int event);
}
