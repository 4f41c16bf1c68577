package nl.wijkroute.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The only modules whose SQL may name a published view (decision 0052): on a {@code <Owner>ReadModels} constant
 * whose view holds a BSN, user names or other data not every module needs. A constant without it may be read by
 * any module. {@code SqlBoundaryTest} reads the sources and fails when another module names the view or its
 * constant. Source retention on purpose: the compiled class carries no reference to system, so the annotation
 * adds no module dependency.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface ReadBy {

    /** The readers' module names as {@code SqlBoundaryTest} names them ({@code dashboard}, {@code privacy.resident}). */
    String[] value();
}
