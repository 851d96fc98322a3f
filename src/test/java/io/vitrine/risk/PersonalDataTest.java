package io.vitrine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Personal data in read text: checksums decide IBANs and cards, and nothing comes back unmasked. */
class PersonalDataTest {

    @Test
    void finds_an_email_a_valid_iban_a_luhn_card_and_an_international_phone_and_masks_each() {
        List<PersonalData.Match> found = PersonalData.find(
                "Mail jane.doe@example.com\nIBAN DE89 3704 0044 0532 0130 00\nCard 4111 1111 1111 1111\nTel +44 20 7946 0958");
        assertThat(found).extracting(PersonalData.Match::kind).containsExactly("e-mail", "IBAN", "card number", "phone number");
        assertThat(found).extracting(PersonalData.Match::masked).containsExactly("j***@e***.com", "DE** …3000", "…1111", "+… 58");
        assertThat(found.toString()).doesNotContain("jane.doe", "3704", "7946");
    }

    @Test
    void an_iban_whose_check_digits_are_wrong_is_not_personal_data() {
        assertThat(PersonalData.mod97("DE89370400440532013000")).isTrue();
        assertThat(PersonalData.mod97("DE88370400440532013000")).isFalse();
        assertThat(PersonalData.find("IBAN DE88 3704 0044 0532 0130 00")).extracting(PersonalData.Match::kind).doesNotContain("IBAN");
    }

    @Test
    void a_sixteen_digit_number_that_fails_luhn_is_not_a_card() {
        assertThat(PersonalData.luhn("4111111111111111")).isTrue();
        assertThat(PersonalData.luhn("4111111111111112")).isFalse();
        assertThat(PersonalData.find("Order 4111 1111 1111 1112")).extracting(PersonalData.Match::kind).doesNotContain("card number");
    }

    @Test
    void prices_years_and_references_are_not_phone_numbers() {
        assertThat(PersonalData.find("Spring 2026 collection, 129.99 EUR, article 55120931, since 1998")).isEmpty();
        assertThat(PersonalData.find("Ruf an: 030 1234567")).extracting(PersonalData.Match::confidence).containsExactly(0.6);
    }

    @Test
    void blank_or_missing_text_finds_nothing() {
        assertThat(PersonalData.find(null)).isEmpty();
        assertThat(PersonalData.find("   ")).isEmpty();
    }
}
