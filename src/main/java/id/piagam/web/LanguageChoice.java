package id.piagam.web;

/** Published when a signed-in person switches the pages' language: the account keeps it (their email follows it). */
public record LanguageChoice(String username, String language) {
}
