package id.piagam.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be, after NIST SP 800-63B (5.1.1.2): at least 10 characters (and at most
 * 200), and not one an attacker tries first: a commonly used password (a bundled list, compared
 * without case and without the digits and symbols people add at the end), a trivially patterned one
 * (one character or a few repeated, a run such as {@code 1234567890} or a keyboard row, a shorter
 * part said twice such as {@code operator1operator1}), or the account's own identifiers (user name,
 * name, NIP, NIK, email) with only digits or symbols added. No composition rules: they do not help.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private static final Set<String> COMMON = load();
    private static final String[] RUNS = {"01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm",
            "1qaz2wsx3edc4rfv", "qazwsxedcrfv"};

    private PasswordPolicy() {
    }

    /** The message code of the first rule the password breaks, if any. */
    public static Optional<String> problem(String password, Collection<String> identifiers) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("password.length");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (COMMON.contains(lower) || (core.length() >= 4 && COMMON.contains(core))) {
            return Optional.of("password.common");
        }
        if (lower.chars().distinct().count() < 4 || repeated(lower) || run(lower)) {
            return Optional.of("password.pattern");
        }
        String bare = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        for (String identifier : identifiers) {
            if (identifier == null || identifier.isBlank()) {
                continue;
            }
            for (String part : identifier.toLowerCase(Locale.ROOT).split("[\\s@.,_-]+")) {
                String id = part.replaceAll("[^\\p{L}\\p{N}]", "");
                if (id.length() >= 4 && (bare.equals(id) || bare.replaceAll("\\p{N}+$", "").equals(id)
                        || bare.replaceAll("^\\p{N}+", "").equals(id))) {
                    return Optional.of("password.personal");
                }
            }
            String whole = identifier.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (whole.length() >= 4 && bare.contains(whole) && bare.length() - whole.length() <= 4) {
                return Optional.of("password.personal");
            }
        }
        return Optional.empty();
    }

    /** The whole password is a shorter part written two or more times. */
    private static boolean repeated(String s) {
        return (s + s).indexOf(s, 1) < s.length();
    }

    /** The password runs along a sequence (digits, the alphabet, a keyboard row), forwards or backwards. */
    private static boolean run(String s) {
        for (String run : RUNS) {
            String cycle = run + run;
            String reversed = new StringBuilder(cycle).reverse().toString();
            if (cycle.contains(s) || reversed.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
