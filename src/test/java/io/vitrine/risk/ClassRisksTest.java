package io.vitrine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.enrich.ClassScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled class → flag mapping (risk/imagenet-1k-risks.tsv) applied to classifier classes. */
class ClassRisksTest {
    static final ClassRisks RISKS = ClassRisks.bundled();

    @Test
    void probabilities_of_a_flags_classes_add_up_and_each_class_is_named_as_evidence() {
        // 763 revolver, 764 rifle, 907 wine bottle, 1 goldfish
        var s = RISKS.sightings(List.of(new ClassScore(763, 0.40), new ClassScore(764, 0.25), new ClassScore(907, 0.12),
                new ClassScore(1, 0.2)));
        assertThat(s).extracting(ClassRisks.Sighting::flag).containsExactlyInAnyOrder("weapon", "alcohol");
        ClassRisks.Sighting weapon = s.stream().filter(x -> x.flag().equals("weapon")).findFirst().orElseThrow();
        assertThat(weapon.confidence()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weapon.evidence()).containsExactly("class 'revolver' p=0.400", "class 'rifle' p=0.250");
    }

    @Test
    void a_faint_class_below_the_proposal_level_raises_nothing() {
        assertThat(RISKS.sightings(List.of(new ClassScore(845, 0.05)))).isEmpty(); // syringe at 5 %
        assertThat(RISKS.sightings(List.of(new ClassScore(845, 0.15)))).extracting(ClassRisks.Sighting::flag).containsExactly("drugs-medical");
    }

    @Test
    void the_mapping_names_only_known_flags() {
        assertThat(RISKS.version()).hasSize(12);
        for (int c = 0; c < 1000; c++) {
            RISKS.sightings(List.of(new ClassScore(c, 1.0))).forEach(x -> assertThat(RiskService.FLAGS).contains(x.flag()));
        }
    }
}
