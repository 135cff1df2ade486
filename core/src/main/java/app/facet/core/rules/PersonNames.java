package app.facet.core.rules;

import java.text.Normalizer;

/**
 * The one rule for a person's name, on every path a name enters the catalog or leaves it (people commands, naming a
 * cluster, the crop editor, restore, XMP read and write). A name is trimmed
 * and NFC-normalised; it is refused when it holds control characters (C0, DEL, C1: they break logs, CSV and
 * terminals), bidirectional embedding/override/isolate characters (U+202A..U+202E, U+2066..U+2069: they make
 * a name display as something else, the "Trojan Source" trick), other invisible format characters (Unicode
 * category Cf, except the zero-width joiner and non-joiner that some scripts need), or more than
 * {@value #MAX_LENGTH} characters.
 */
public final class PersonNames {

    /** Longest accepted name, in UTF-16 chars (no real name comes near it; a paste of a paragraph does). */
    public static final int MAX_LENGTH = 200;

    private PersonNames() {
    }

    /** A name after the rule: {@code value} is null when there was no name (absent or blank). */
    public record Checked(String value, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** @param raw the name as found (may be null) @return the clean name, no name, or a refusal with its reason */
    public static Checked check(String raw) {
        if (raw == null) {
            return new Checked(null, null);
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            return new Checked(null, null);
        }
        if (name.length() > MAX_LENGTH) {
            return new Checked(null, "the name is " + name.length() + " characters long, more than " + MAX_LENGTH);
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            String why = forbidden(cp);
            if (why != null) {
                return new Checked(null, String.format("the name holds %s U+%04X", why, cp));
            }
            i += Character.charCount(cp);
        }
        return new Checked(name, null);
    }

    /** @return {@code s} with every character the rule forbids shown as U+XXXX, safe for a log line or a message */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (forbidden(cp) != null) {
                out.append(String.format("<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * @return {@code s} safe for a terminal: control characters as {@code \xHH} (ESC as {@code \x1b}), other characters
     * the rule forbids (bidirectional overrides, invisible format characters) as a backslash, u and four hex digits (U+202E as backslash-u202e); a backslash stays as it is
     */
    public static String escaped(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) {
                out.append(String.format("\\x%02x", cp));
            } else if (forbidden(cp) != null) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String forbidden(int cp) {
        if (Character.getType(cp) == Character.CONTROL) {
            return "the control character";
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return "the bidirectional override character";
        }
        if (Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D) {
            return "the invisible format character";
        }
        return null;
    }
}
