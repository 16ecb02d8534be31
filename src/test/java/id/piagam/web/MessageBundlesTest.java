package id.piagam.web;

import id.piagam.rendering.TemplateFields;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void indonesianAndEnglishHaveTheSameKeys() throws IOException {
        Properties id = load("messages_id.properties");
        Properties en = load("messages_en.properties");
        assertThat(id.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void everyMessageCodeUsedInTheCodeHasAText() throws IOException {
        Properties id = load("messages_id.properties");
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\"((?:nip|nik|golongan|name|birthDate|phone|duplicate|user|gradeScale|"
                + "bimtek|event|session|components|passMark|participant|enrolment|attendance|score|value|problem|entity|eligibility|job)\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = code.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    if (TemplateFields.ALL.contains(m.group(1)) || TemplateFields.IMAGES.contains(m.group(1))) {
                        continue; // a placeholder name, not a message
                    }
                    assertThat(id.containsKey(m.group(1))).as("message for " + m.group(1) + " used in " + file).isTrue();
                }
            }
        }
    }

    /** Texts go through MessageFormat, where a lone apostrophe starts a quotation and disappears: write '' for one. */
    @Test
    void apostrophesAreWrittenSoTheyPrint() throws IOException {
        for (String bundle : new String[]{"messages_id.properties", "messages_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String rest = p.getProperty(key).replaceAll("'\\{[^}]*}'", "").replace("''", "");
                assertThat(rest).as(bundle + " " + key).doesNotContain("'");
            }
        }
    }
}
