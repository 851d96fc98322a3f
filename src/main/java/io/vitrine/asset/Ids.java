package io.vitrine.asset;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Opaque, time-ordered ids (ULID layout: 48-bit milliseconds + 80 random bits, Crockford base32),
 * so ids sort roughly by creation and reveal nothing guessable.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next(Instant now) {
        byte[] rnd = new byte[10];
        random.nextBytes(rnd);
        char[] out = new char[26];
        long time = now.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (rnd[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (rnd[i] & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            out[17 - i] = ALPHABET[(int) ((hi >>> (5 * i)) & 31)];
            out[25 - i] = ALPHABET[(int) ((lo >>> (5 * i)) & 31)];
        }
        return new String(out);
    }

    public static boolean looksValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (char c : id.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
