package nl.wijkroute.route.engine;

import java.util.ArrayList;
import java.util.List;

/** The engine's lists of custom extensions (parse listeners, session factories, history handlers) as the plugins extend them. */
final class EngineExtensionLists {

    private EngineExtensionLists() {
    }

    /** The engine's list ({@code null} until something was set) with one more at its end, as a new list to set back. */
    static <T> List<T> withAdded(List<T> current, T added) {
        List<T> extended = current == null ? new ArrayList<>() : new ArrayList<>(current);
        extended.add(added);
        return extended;
    }
}
