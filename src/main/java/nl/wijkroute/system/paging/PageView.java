package nl.wijkroute.system.paging;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list, the same shape for every list of the API (the contract {@code /cases} started):
 * the rows, the zero-based page number, the page size asked for, the number of rows in all pages and
 * the number of pages. Spring's PageImpl JSON is not a contract, so it is never returned directly.
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, PageParams params, long totalItems) {
        int totalPages = (int) ((totalItems + params.size() - 1) / params.size());
        return new PageView<>(List.copyOf(items), params.page(), params.size(), totalItems, totalPages);
    }

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    public <R> PageView<R> map(Function<? super T, ? extends R> mapper) {
        return new PageView<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
