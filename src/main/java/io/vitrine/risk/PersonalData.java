package io.vitrine.risk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text read off an asset: e-mail addresses, phone numbers, IBANs (only
 * those whose mod-97 check holds) and payment card numbers (only those that pass Luhn). Each match
 * comes back masked, so the evidence a reviewer sees never repeats the data. Checksums make IBANs
 * and cards near-certain; phone numbers are only digit shapes, so they score lower, and numbers
 * without a leading {@code +}, {@code 00} or {@code 0} (amounts, dates, references) are not taken.
 */
final class PersonalData {
    static final String VERSION = "1";

    /** One finding: what kind, the masked text, how sure (0..1). */
    record Match(String kind, String masked, double confidence) {}

    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}(?![\\w-])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\+|00|0|\\(0)[\\d ()./-]{6,20}\\d(?![\\w])");

    private PersonalData() {}

    static List<Match> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        take(EMAIL, rest, m -> new Match("e-mail", maskEmail(m), 0.9), out);
        take(IBAN, rest, m -> iban(m), out);
        take(CARD, rest, m -> card(m), out);
        take(PHONE, rest, m -> phone(m), out);
        return out;
    }

    /** Collects matches the check accepts and blanks them out, so a later pattern cannot read them again. */
    private static void take(Pattern p, StringBuilder text, java.util.function.Function<String, Match> check, List<Match> out) {
        Matcher m = p.matcher(text.toString());
        while (m.find()) {
            Match found = check.apply(m.group());
            if (found != null) {
                out.add(found);
                for (int i = m.start(); i < m.end(); i++) {
                    text.setCharAt(i, ' ');
                }
            }
        }
    }

    static Match iban(String s) {
        String compact = s.replace(" ", "");
        if (compact.length() < 15 || compact.length() > 34 || !mod97(compact)) {
            return null;
        }
        return new Match("IBAN", compact.substring(0, 2) + "** …" + compact.substring(compact.length() - 4), 0.95);
    }

    /** ISO 13616: move the first four characters to the end, letters to 10..35, and the number mod 97 is 1. */
    static boolean mod97(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static Match card(String s) {
        String digits = s.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || "0189".indexOf(digits.charAt(0)) >= 0 || !luhn(digits)) {
            return null;
        }
        return new Match("card number", "…" + digits.substring(digits.length() - 4), 0.8);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static Match phone(String s) {
        String digits = s.replaceAll("\\D", "");
        if (digits.length() < 8 || digits.length() > 15) {
            return null;
        }
        boolean international = s.startsWith("+") || s.startsWith("00");
        return new Match("phone number", (international ? "+" : "") + "… " + digits.substring(digits.length() - 2),
                international ? 0.75 : 0.6);
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return email.charAt(0) + "***@" + domain.charAt(0) + "***" + domain.substring(dot);
    }
}
