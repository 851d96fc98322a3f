package io.vitrine.enrich;

import java.util.List;
import java.util.Map;

/**
 * The caption template's words in the vocabulary's six languages: the phrases, the list joiner and
 * the 25 palette colour names ({@code imageio.ColourNames}), so a caption draft reads in the
 * caller's language like the tag labels do. Colour names are used as nouns, so French, Spanish and
 * Portuguese need no agreement.
 */
record CaptionPhrases(String imageOf, String onePerson, String people, String mostly, String and, String text,
        String open, String close) {

    static final Map<String, CaptionPhrases> BY_LANGUAGE = Map.of(
            "en", new CaptionPhrases("Image of %s.", "One person.", "%d people.", "Mostly %s.", " and ", "Text: ", "\u201c", "\u201d."),
            "de", new CaptionPhrases("Bild: %s.", "Eine Person.", "%d Personen.", "Vorwiegend %s.", " und ", "Text: ", "\u201e", "\u201c."),
            "fr", new CaptionPhrases("Image : %s.", "Une personne.", "%d personnes.", "Surtout %s.", " et ", "Texte : ", "\u00ab\u00a0", "\u00a0\u00bb."),
            "es", new CaptionPhrases("Imagen de %s.", "Una persona.", "%d personas.", "Sobre todo %s.", " y ", "Texto: ", "\u201c", "\u201d."),
            "pt", new CaptionPhrases("Imagem de %s.", "Uma pessoa.", "%d pessoas.", "Sobretudo %s.", " e ", "Texto: ", "\u201c", "\u201d."),
            "zh", new CaptionPhrases("图片：%s。", "一人。", "%d人。", "主要颜色：%s。", "、", "文字：", "\u201c", "\u201d。"));

    /** en, de, fr, es, pt, zh in that order, by the English name. */
    private static final Map<String, List<String>> COLOURS = Map.ofEntries(
            Map.entry("black", List.of("black", "Schwarz", "noir", "negro", "preto", "黑色")),
            Map.entry("dark grey", List.of("dark grey", "Dunkelgrau", "gris foncé", "gris oscuro", "cinza-escuro", "深灰色")),
            Map.entry("grey", List.of("grey", "Grau", "gris", "gris", "cinza", "灰色")),
            Map.entry("silver", List.of("silver", "Silber", "argent", "plateado", "prateado", "银色")),
            Map.entry("white", List.of("white", "Weiß", "blanc", "blanco", "branco", "白色")),
            Map.entry("red", List.of("red", "Rot", "rouge", "rojo", "vermelho", "红色")),
            Map.entry("dark red", List.of("dark red", "Dunkelrot", "rouge foncé", "rojo oscuro", "vermelho-escuro", "深红色")),
            Map.entry("pink", List.of("pink", "Rosa", "rose", "rosa", "rosa", "粉色")),
            Map.entry("magenta", List.of("magenta", "Magenta", "magenta", "magenta", "magenta", "品红色")),
            Map.entry("orange", List.of("orange", "Orange", "orange", "naranja", "laranja", "橙色")),
            Map.entry("brown", List.of("brown", "Braun", "marron", "marrón", "marrom", "棕色")),
            Map.entry("beige", List.of("beige", "Beige", "beige", "beige", "bege", "米色")),
            Map.entry("tan", List.of("tan", "Hellbraun", "fauve", "canela", "castanho-claro", "棕褐色")),
            Map.entry("yellow", List.of("yellow", "Gelb", "jaune", "amarillo", "amarelo", "黄色")),
            Map.entry("olive", List.of("olive", "Oliv", "olive", "oliva", "oliva", "橄榄色")),
            Map.entry("lime", List.of("lime", "Limettengrün", "vert citron", "lima", "verde-limão", "青柠色")),
            Map.entry("green", List.of("green", "Grün", "vert", "verde", "verde", "绿色")),
            Map.entry("dark green", List.of("dark green", "Dunkelgrün", "vert foncé", "verde oscuro", "verde-escuro", "深绿色")),
            Map.entry("teal", List.of("teal", "Petrol", "bleu canard", "verde azulado", "verde-azulado", "蓝绿色")),
            Map.entry("turquoise", List.of("turquoise", "Türkis", "turquoise", "turquesa", "turquesa", "绿松石色")),
            Map.entry("sky blue", List.of("sky blue", "Himmelblau", "bleu ciel", "azul cielo", "azul-celeste", "天蓝色")),
            Map.entry("blue", List.of("blue", "Blau", "bleu", "azul", "azul", "蓝色")),
            Map.entry("navy", List.of("navy", "Marineblau", "bleu marine", "azul marino", "azul-marinho", "藏青色")),
            Map.entry("purple", List.of("purple", "Violett", "violet", "morado", "roxo", "紫色")),
            Map.entry("lavender", List.of("lavender", "Lavendel", "lavande", "lavanda", "lavanda", "薰衣草色")));
    private static final List<String> ORDER = List.of("en", "de", "fr", "es", "pt", "zh");

    static CaptionPhrases of(String lang) {
        return BY_LANGUAGE.getOrDefault(lang, BY_LANGUAGE.get("en"));
    }

    static String language(String lang) {
        return BY_LANGUAGE.containsKey(lang) ? lang : "en";
    }

    /** The colour's name in {@code lang}; an unknown name stays as it is. */
    static String colour(String english, String lang) {
        List<String> names = COLOURS.get(english);
        int i = ORDER.indexOf(language(lang));
        return names == null ? english : names.get(i);
    }

    /** "a", "a and b", "a, b and c" with the language's joiner (Chinese lists every item with 、). */
    String list(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        String head = String.join(and.equals("、") ? "、" : ", ", items.subList(0, items.size() - 1));
        return head + and + items.getLast();
    }
}
