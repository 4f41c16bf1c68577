package nl.wijkroute.deadline;

import java.util.UUID;

/**
 * The law a term's toegang request falls under: a toegang consulent may change only the terms of the laws
 * they decide on. Implemented by the module that owns the requests (toegang), which starts the terms and so
 * already depends on deadline; deadline reads no toegang table and does not depend back (decision 0054).
 */
public interface RequestLaws {

    /** The law's name (e.g. {@code WMO}) of an existing toegang request. */
    String lawOf(UUID toegangRequestId);
}
