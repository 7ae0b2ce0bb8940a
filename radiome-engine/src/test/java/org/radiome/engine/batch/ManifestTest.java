package org.radiome.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path tmp;

    private Path manifest(String text) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cohort"));
        return Files.writeString(dir.resolve("cases.csv"), text);
    }

    @Test
    void reads_required_optional_and_passthrough_columns_resolving_relative_paths_against_the_manifest_folder() throws Exception {
        Path m = manifest("\uFEFFsite,case_id,image,mask,roi,age\n"
                + "A,p1,img/p1.nii.gz,/abs/p1_mask.nrrd,2,61\n"
                + "\n"
                + "\"B, north\",p2,../p2.nrrd,p2_mask.nrrd,,\"7\"\"\"\n");
        Manifest read = Manifest.read(m);
        assertThat(read.passthroughColumns()).containsExactly("site", "age");
        assertThat(read.cases()).hasSize(2);
        CaseTask p1 = read.cases().get(0);
        assertThat(p1.index()).isZero();
        assertThat(p1.caseId()).isEqualTo("p1");
        assertThat(p1.image()).isEqualTo(tmp.resolve("cohort/img/p1.nii.gz").toAbsolutePath());
        assertThat(p1.mask()).isEqualTo(Path.of("/abs/p1_mask.nrrd"));
        assertThat(p1.roi()).isEqualTo("2");
        assertThat(p1.series()).isNull();
        assertThat(p1.passthrough()).containsExactly("A", "61");
        CaseTask p2 = read.cases().get(1);
        assertThat(p2.index()).isEqualTo(1);
        assertThat(p2.image()).isEqualTo(tmp.resolve("p2.nrrd").toAbsolutePath());
        assertThat(p2.roi()).isNull();
        assertThat(p2.passthrough()).containsExactly("B, north", "7\"");
    }

    @Test
    void a_missing_required_column_is_named() throws Exception {
        Path m = manifest("case_id,image\np1,a.nii\n");
        assertThatThrownBy(() -> Manifest.read(m)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("cases.csv line 1").hasMessageContaining("no mask column");
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_names_its_line() throws Exception {
        Path m = manifest("case_id,image,mask\np1,a.nii,b.nii\np2,a.nii\n");
        assertThatThrownBy(() -> Manifest.read(m)).hasMessageContaining("line 3").hasMessageContaining("2 fields, but the header has 3");
    }

    @Test
    void the_same_case_and_roi_twice_is_an_error_but_other_rois_of_one_case_are_not() throws Exception {
        assertThat(Manifest.read(manifest("case_id,image,mask,roi\np1,a,b,1\np1,a,b,2\n")).cases()).hasSize(2);
        Path twice = manifest("case_id,image,mask,roi\np1,a,b,1\np1,a,b,1\n");
        assertThatThrownBy(() -> Manifest.read(twice)).hasMessageContaining("line 3").hasMessageContaining("case p1 ROI 1 appears twice");
    }

    @Test
    void empty_case_ids_and_paths_are_errors() throws Exception {
        Path noId = manifest("case_id,image,mask\n ,a,b\n");
        assertThatThrownBy(() -> Manifest.read(noId)).hasMessageContaining("line 2: empty case_id");
        Path noMask = manifest("case_id,image,mask\np1,a,\n");
        assertThatThrownBy(() -> Manifest.read(noMask)).hasMessageContaining("line 2: case p1: empty mask");
    }

    @Test
    void missing_and_empty_manifests() throws Exception {
        assertThatThrownBy(() -> Manifest.read(tmp.resolve("none.csv"))).hasMessageEndingWith("none.csv: no such file");
        Path empty = manifest("");
        assertThatThrownBy(() -> Manifest.read(empty)).hasMessageContaining("empty");
        assertThat(Manifest.read(manifest("case_id,image,mask\n")).cases()).isEqualTo(List.of());
    }
}
