package nl.wijkroute.system.paging;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The {@code page} and {@code size} query parameters of every list, read and checked in one place:
 * bind it with {@code @Valid @ParameterObject PageParams paging}. A bad value answers 400 problem+json
 * naming the parameter. The maximum keeps one request from reading a whole table.
 */
public record PageParams(
        @Schema(description = "Paginanummer, vanaf 0", defaultValue = "0") @Min(0) @Max(MAX_PAGE) Integer page,
        @Schema(description = "Aantal per pagina", defaultValue = "20", maximum = "100") @Min(1) @Max(MAX_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Far beyond any real list; keeps page × size inside an int for the database's offset. */
    public static final int MAX_PAGE = 1_000_000;

    public PageParams {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public static PageParams of(int page, int size) {
        return new PageParams(page, size);
    }

    /** The first row of the page (for SQL {@code offset} and Camunda's {@code listPage}). */
    public int offset() {
        return page * size;
    }

    /** For Spring Data; the sort must end on a unique column so pages neither repeat nor skip rows. */
    public Pageable pageable(Sort sort) {
        return PageRequest.of(page, size, sort);
    }
}
