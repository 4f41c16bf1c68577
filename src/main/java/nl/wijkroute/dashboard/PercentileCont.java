package nl.wijkroute.dashboard;

import java.util.function.LongToDoubleFunction;

/**
 * PostgreSQL's {@code percentile_cont(fraction)} arithmetic, for indicators that know their values by row without
 * sorting them in a statement (counts per score, counts per duration bucket): the rows at floor and ceil of
 * {@code fraction * (n - 1)} in ascending order, interpolated as {@code lo + (hi - lo) * proportion} in double
 * precision, so the result is the one the statement gives.
 */
final class PercentileCont {

    private PercentileCont() {
    }

    /** Over {@code n} values, the row at {@code valueAtRow} (from 0, ascending); the second row is read only if needed. */
    static double of(double fraction, long n, LongToDoubleFunction valueAtRow) {
        double position = fraction * (n - 1);
        long firstRow = (long) Math.floor(position);
        long secondRow = (long) Math.ceil(position);
        double first = valueAtRow.applyAsDouble(firstRow);
        if (secondRow == firstRow) {
            return first;
        }
        double second = valueAtRow.applyAsDouble(secondRow);
        return first + (second - first) * (position - firstRow);
    }
}
