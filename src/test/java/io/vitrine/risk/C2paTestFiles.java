package io.vitrine.risk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Files with a C2PA manifest store, written by the tests (no C2PA tool is installed here). */
public final class C2paTestFiles {
    private C2paTestFiles() {}

    /** A JPEG start, an APP11 segment holding a JUMBF superbox labelled c2pa with the given assertion text, then an EOI. */
    public static byte[] jpegWithManifest(String assertionText) {
        ByteArrayOutputStream jumbf = new ByteArrayOutputStream();
        byte[] label = "c2pa\0".getBytes(StandardCharsets.US_ASCII);
        byte[] uuid = {0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
        byte[] text = assertionText.getBytes(StandardCharsets.UTF_8);
        int jumd = 8 + uuid.length + 1 + label.length;
        writeBox(jumbf, jumd, "jumd");
        jumbf.writeBytes(uuid);
        jumbf.write(0x03); // toggles: requestable, label present
        jumbf.writeBytes(label);
        writeBox(jumbf, 8 + text.length, "cbor");
        jumbf.writeBytes(text);
        byte[] body = jumbf.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xEB});
        int length = 2 + 2 + 2 + 4 + 8 + body.length; // length, CI "JP", En, Z, superbox header
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'J', 'P', 0, 1, 0, 0, 0, 1});
        writeBox(out, 8 + body.length, "jumb");
        out.writeBytes(body);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static void writeBox(ByteArrayOutputStream out, int size, String type) {
        out.writeBytes(new byte[] {(byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size});
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
    }

}
