package id.piagam.web;

import java.util.List;
import java.util.Locale;

/**
 * What a feature has to say while the database cannot be reached, added to the 503 that every page and API
 * request then gets: for instance that a bulk issue waits for the database and goes on by itself. Implemented
 * by the features that keep such state in memory; read only while the database is out of reach.
 */
public interface OutageNote {

    /** Sentences in the given language, empty when the feature has nothing to say. */
    List<String> whileDatabaseUnavailable(Locale locale);
}
