package nl.wijkroute.reflection;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Input and views of the reflectietool. Free-text fields are marked "not for personal data": the API
 * refuses a BSN in them, and nothing else about a resident belongs there either.
 */
public final class ReflectionDtos {

    private static final String NO_PERSONAL_DATA = PersonalDataGuard.NOT_FOR_PERSONAL_DATA;

    private ReflectionDtos() {
    }

    public record CreateSession(
            @NotNull ScopeType scopeType,
            @Schema(description = "Team- of wijk-id; leeg voor de hele gemeente") @Size(max = 64) String scopeId,
            @NotNull SessionForm form,
            @NotNull LocalDate date,
            @Schema(description = "De vaste id (sub) van de gespreksleider") @NotBlank @Size(max = 100) String facilitatorId,
            @Schema(description = "Tot wanneer deelnemers scoren; standaard het begin van de sessiedag") Instant scoringClosesAt,
            @Schema(description = "Begin van de periode voor het bewijs uit de route; standaard 90 dagen voor de sessie") LocalDate evidenceFrom,
            @Schema(description = "Einde (inclusief) van de periode voor het bewijs; standaard de dag voor de sessie") LocalDate evidenceTo) {
    }

    public record InviteParticipant(
            @Schema(description = "De vaste id (sub) van de deelnemer; niet-medewerkers hebben de rol reflectie-deelnemer")
            @NotBlank @Size(max = 100) String userId,
            @NotNull Perspective perspective,
            @Schema(description = "Discipline, bv. 'wijkcoach', 'beleidsmedewerker Wmo', 'wethouder'")
            @NotBlank @Size(max = 100) String discipline) {
    }

    public record ScoresInput(
            @Schema(description = "Alle negen thema's, elk 1 (heel weinig) tot 10 (heel vaak)")
            @NotNull Map<ReflectionTheme, @NotNull @Min(1) @Max(10) Integer> scores) {
    }

    public record PrioritiesInput(@NotEmpty @Size(max = 9) List<@NotNull ReflectionTheme> themes) {
    }

    public record Stelling(@NotBlank @Size(max = 500) @Schema(description = NO_PERSONAL_DATA) String text,
                           @NotNull @PositiveOrZero Integer agree, @NotNull @PositiveOrZero Integer disagree) {
    }

    public record NoteInput(
            @Size(max = 4000) @Schema(description = "Knelpunten. " + NO_PERSONAL_DATA) String knelpunten,
            @Size(max = 20) List<@Valid @NotNull Stelling> stellingen,
            @Size(max = 4000) @Schema(description = "Een casus in woorden. " + NO_PERSONAL_DATA) String casus,
            @Size(max = 4000) @Schema(description = "Oplossingsrichtingen. " + NO_PERSONAL_DATA) String oplossingsrichtingen) {
    }

    public record ActionInput(
            @NotNull ReflectionTheme theme,
            @Schema(description = "Wat de actie moet bereiken. " + NO_PERSONAL_DATA) @NotBlank @Size(max = 2000) String goal,
            @Schema(description = "Wat de eigenaar morgen al anders doet. " + NO_PERSONAL_DATA) @NotBlank @Size(max = 2000) String tomorrow,
            @Schema(description = "Wie en wat er nodig is. " + NO_PERSONAL_DATA) @Size(max = 2000) String needs,
            @Schema(description = "Eigenaar (een medewerker of functie, geen inwoner)") @NotBlank @Size(max = 200) String owner,
            @Schema(description = "Standaard de sessiedatum") LocalDate startDate,
            @Schema(description = "Standaard een maand na de start") LocalDate evaluationDate,
            @Schema(description = "Is een beleidswijziging nodig? Standaard nee") Boolean policyChangeNeeded,
            @Schema(description = "Eigenaar van de beleidswijziging; verplicht als die nodig is") @Size(max = 200) String policyOwner) {
    }

    /** Whether the action asks for a change of policy (absent: no). */
    static boolean policyChange(ActionInput input) {
        return Boolean.TRUE.equals(input.policyChangeNeeded());
    }

    public record EvaluationInput(
            @Schema(description = "Wat er gebeurde. " + NO_PERSONAL_DATA) @NotBlank @Size(max = 4000) String evaluation) {
    }

    public record KnelpuntInput(
            @NotNull ReflectionTheme theme,
            @NotNull ScopeType scopeType,
            @Size(max = 64) String scopeId,
            @Schema(description = "Het terugkerende knelpunt, zonder casus- of persoonsgegevens. " + NO_PERSONAL_DATA)
            @NotBlank @Size(max = 2000) String description) {
    }

    public record Warning(String code, String message) {
    }

    public record ParticipantView(UUID id, String userId, Perspective perspective, String discipline) {
    }

    public record SessionView(UUID id, ScopeType scopeType, String scopeId, SessionForm form, LocalDate date,
                              String facilitatorId, UUID previousSessionId, SessionStatus status, Instant scoringClosesAt,
                              LocalDate evidenceFrom, LocalDate evidenceTo, List<ReflectionTheme> chosenThemes,
                              String yourPart, boolean youScored, int participantCount, int scoredCount,
                              Map<Perspective, Long> perspectives, List<ParticipantView> participants,
                              List<Warning> warnings) {
    }

    public record ThemeView(ReflectionTheme theme, String label, String description, String schaalvraag, String scale) {
    }

    public record ScoresReceipt(UUID sessionId, int themesScored) {
    }

    public record ResultsView(UUID sessionId, SessionStatus status, int participants, int scored,
                              List<ReflectionResults.ThemeResult> themes, List<ReflectionTheme> verschilInBeleving) {
    }

    public record NoteView(ReflectionTheme theme, String knelpunten, List<Stelling> stellingen, String casus,
                           String oplossingsrichtingen, Instant updatedAt) {
    }

    public record ActionView(UUID id, UUID sessionId, ReflectionTheme theme, String goal, String tomorrow, String needs,
                             String owner, LocalDate startDate, LocalDate evaluationDate, boolean policyChangeNeeded,
                             String policyOwner, String status, String evaluation, Instant evaluatedAt, boolean overdue,
                             int reminders) {
    }

    public record KnelpuntView(UUID id, ReflectionTheme theme, ScopeType scopeType, String scopeId, String description,
                               Instant filedAt) {
    }

    public record ReportView(SessionView session, ResultsView results, JsonNode evidence, List<NoteView> notes,
                             List<ActionView> actions, List<ActionView> carriedOver, List<KnelpuntView> knelpunten) {
    }

    public record ActionSummary(long open, long overdue) {
    }

    public record TrendPoint(UUID sessionId, LocalDate date, Double median, Double mean, int n) {
    }

    public record ThemeTrend(ReflectionTheme theme, String label, List<TrendPoint> sessions) {
    }
}
