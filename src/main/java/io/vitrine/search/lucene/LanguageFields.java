package io.vitrine.search.lucene;

import io.vitrine.search.IndexDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.TextField;

/**
 * One field per supported language holding the asset's words (title, description, keywords, tags)
 * analysed the way that language needs: stop words dropped and light stemming, so "praias" finds
 * "praia" and "Hunden" finds "Hund"; Chinese segmented into words (smartcn's HMM tokenizer), so
 * "海滩日落" is 海滩 + 日落 rather than four characters. The language of each value is not known
 * (a title may be in any language, tags carry labels in all), so Latin-script values go to every
 * Latin-script language field and only values with Han characters to the Chinese one; the query
 * side searches only the field of the query's language.
 */
final class LanguageFields {
    static final String PREFIX = "lang.";
    static final List<String> LATIN = List.of("en", "es", "pt", "de", "fr");
    static final float BOOST = 2.0f;

    /**
     * SmartChineseAnalyzer drops only punctuation; these particles, prepositions and measure words
     * would otherwise have to match ("海滩上的狗" is 海滩 + 狗, not 海滩 + 上 + 的 + 狗).
     */
    private static final CharArraySet CHINESE_STOP = new CharArraySet(List.of(
            "的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "在", "上", "下", "里", "中", "前", "后", "旁", "边",
            "是", "有", "一", "个", "只", "张", "些", "这", "那", "把", "被", "从", "到", "向", "对", "为", "照片", "图片",
            "图像", "相片", ",", "，", "。", "、", "!", "！", "?", "？", ":", "：", ";", "；"), false);

    /**
     * Terms and frequencies, no positions: the same words are indexed up to six times, and
     * positions were most of that cost (the 100k benchmark index grew by 1.2 KiB per asset with
     * them). Phrases are matched by the exact fields; the language match takes their words.
     */
    static final FieldType TYPE = fieldType();

    private static FieldType fieldType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    private LanguageFields() {}

    static String field(String language) {
        return PREFIX + language;
    }

    static boolean supports(String language) {
        return language != null && (LATIN.contains(language) || language.equals("zh"));
    }

    static void addTo(Document doc, IndexDocument source) {
        List<String> values = new ArrayList<>();
        values.add(source.title());
        values.add(source.description());
        if (source.keywords() != null) {
            values.addAll(source.keywords());
        }
        values.addAll(source.tags());
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            for (String lang : LATIN) {
                doc.add(new Field(field(lang), v, TYPE));
            }
            if (v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                doc.add(new Field(field("zh"), v, TYPE));
            }
        }
    }

    /** The analyzer of each language field, for {@link Analyzers#perField()}. */
    static Map<String, Analyzer> analyzers() {
        Map<String, Analyzer> out = new HashMap<>();
        out.put(field("en"), latin(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, "en"));
        out.put(field("es"), latin(SpanishAnalyzer.getDefaultStopSet(), "es"));
        out.put(field("pt"), latin(PortugueseAnalyzer.getDefaultStopSet(), "pt"));
        out.put(field("de"), latin(GermanAnalyzer.getDefaultStopSet(), "de"));
        out.put(field("fr"), latin(FrenchAnalyzer.getDefaultStopSet(), "fr"));
        out.put(field("zh"), chinese());
        return out;
    }

    /** SmartChineseAnalyzer's words, without particles, plus their characters ({@link HanCharacterFilter}). */
    private static Analyzer chinese() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream s = new StopFilter(new LowerCaseFilter(source), CHINESE_STOP);
                return new TokenStreamComponents(source, new HanCharacterFilter(s));
            }
        };
    }

    /** Stemmed before folding (the stemmers know their accents), folded after so "cafe" meets "café". */
    private static Analyzer latin(CharArraySet stop, String lang) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = lang.equals("fr") ? new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES) : source;
                s = new StopFilter(new LowerCaseFilter(s), stop);
                s = switch (lang) {
                    case "en" -> new PorterStemFilter(new EnglishPossessiveFilter(s));
                    case "es" -> new SpanishLightStemFilter(s);
                    case "pt" -> new PortugueseLightStemFilter(s);
                    case "de" -> new GermanLightStemFilter(new GermanNormalizationFilter(s));
                    default -> new FrenchLightStemFilter(s);
                };
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(s));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
