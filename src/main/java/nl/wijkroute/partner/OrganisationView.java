package nl.wijkroute.partner;

public record OrganisationView(String id, String name, OrganisationType type, boolean active) {
}
