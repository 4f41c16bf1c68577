package nl.wijkroute.toegang;

import java.util.UUID;
import nl.wijkroute.deadline.RequestLaws;
import org.springframework.stereotype.Component;

/** Tells the deadline module which law a term's request falls under, without it reading toegang's table. */
@Component
class ToegangRequestLaws implements RequestLaws {

    private final ToegangRequestRepository requests;

    ToegangRequestLaws(ToegangRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public String lawOf(UUID toegangRequestId) {
        return requests.findLawById(toegangRequestId).map(Law::name)
                .orElseThrow(() -> new IllegalStateException("A legal term without its toegang request"));
    }
}
