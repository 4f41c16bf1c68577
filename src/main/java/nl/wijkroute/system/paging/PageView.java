package nl.wijkroute.system.paging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list, the same shape for every list of the API (the contract {@code /cases} started):
 * the rows, the zero-based page number, the page size asked for, the number of rows in all pages and
 * the number of pages. Spring's PageImpl JSON is not a contract, so it is never returned directly.
 * <p>
 * A list whose exact total would cost a read of every row may count only up to a cap (the werkbak, decision 0067):
 * then {@code totalIsLowerBound} is true and {@code totalItems} the number of rows known to exist (at least the cap),
 * {@code totalPages} the pages they fill, always past the page given, so a client that pages on while
 * {@code page + 1 < totalPages} reaches the end of the list, whose page has the exact total. Every other list answers
 * the exact total and false.
 */
public record PageView<T>(
        List<T> items,
        @Schema(description = "Paginanummer, vanaf 0") int page,
        @Schema(description = "Gevraagd aantal per pagina") int size,
        @Schema(description = "Aantal rijen in alle pagina's; een ondergrens als totalIsLowerBound waar is")
        long totalItems,
        @Schema(description = "Aantal pagina's dat totalItems vult; een ondergrens als totalIsLowerBound waar is")
        int totalPages,
        @Schema(description = "Waar als de lijst tot een grens telt en er meer rijen kunnen zijn dan totalItems "
                + "(bijvoorbeeld \"500+\" in de werkbak); totalPages reikt dan altijd voorbij deze pagina")
        boolean totalIsLowerBound) {

    /** A page with the exact total. */
    public static <T> PageView<T> of(List<T> items, PageParams params, long totalItems) {
        return of(items, params, totalItems, false);
    }

    /** A page whose total is a lower bound: {@code knownItems} rows are known to exist, there may be more. */
    public static <T> PageView<T> atLeast(List<T> items, PageParams params, long knownItems) {
        return of(items, params, knownItems, true);
    }

    private static <T> PageView<T> of(List<T> items, PageParams params, long totalItems, boolean lowerBound) {
        int totalPages = (int) ((totalItems + params.size() - 1) / params.size());
        return new PageView<>(List.copyOf(items), params.page(), params.size(), totalItems, totalPages, lowerBound);
    }

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages(), false);
    }

    public <R> PageView<R> map(Function<? super T, ? extends R> mapper) {
        return new PageView<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages,
                totalIsLowerBound);
    }
}
