package nl.wijkroute.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The meldcode record's request and views. */
public final class MeldcodeViews {

    private MeldcodeViews() {
    }

    /**
     * One step as done: when, by whom (the professional, or who was consulted), and a short account.
     * Step 4 adds the afwegingskader's answers, step 5 the decision (and a reason when it is GEEN).
     */
    public record StepRequest(@NotNull @PastOrPresent LocalDate doneOn,
                              @NotBlank @Size(max = 200) String doneBy,
                              @NotBlank @Size(max = 2000) String summary,
                              @Valid Afweging afweging,
                              MeldcodeDecision decision,
                              @Size(max = 2000) String decisionReason) {
    }

    public record StepView(MeldcodeStep step, int number, LocalDate doneOn, String doneBy, String summary,
                           Afweging afweging, MeldcodeDecision decision, String decisionReason,
                           String recordedBy, Instant recordedAt) {
    }

    /**
     * The record of a case: the current account of each step done (in step order), the decision once
     * step 5 is recorded, and how many earlier accounts were replaced (they stay stored).
     */
    public record MeldcodeView(UUID caseId, List<StepView> steps, MeldcodeDecision decision, LocalDate decidedOn,
                               int replacedEntries) {
    }
}
