package nl.wijkroute.system;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns and which is written once (a signal, a triage assessment, a
 * real question). It is new until inserted or loaded: Spring Data then persists it at once instead of
 * merging it, which would first select its id to find it absent (one statement per insert; decision 0034).
 */
@MappedSuperclass
public abstract class InsertedOnceEntity implements Persistable<UUID> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        isNew = false;
    }
}
