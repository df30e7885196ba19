import json
import sys
from pathlib import Path

import pytest

import autolens as al
from autogalaxy import exc
from autogalaxy.modeling.identifier import Identifier, identifier_from

FILES = Path(__file__).resolve().parent / "files"
REFERENCE = json.loads((FILES / "pyautofit_identifiers.json").read_text())


def _cases():
    sys.path.insert(0, str(FILES))
    try:
        from pyautofit_identifier_cases import cases
    finally:
        sys.path.remove(str(FILES))
    return cases(al, al)


@pytest.mark.parametrize(
    "name",
    ["nautilus_lens_source", "nautilus_unique_tag", "emcee_source", "lbfgs_halo", "prodigy_lens"],
)
def test__identifier_equals_pyautofit(name):
    (search, model, unique_tag) = next((s, m, t) for n, s, m, t in _cases() if n == name)
    parts = [search, model] + ([unique_tag] if unique_tag is not None else [])
    assert Identifier(parts).description == REFERENCE[name]["description"]
    assert identifier_from(search, model, unique_tag) == REFERENCE[name]["identifier"]
    search.unique_tag = unique_tag  # the search's own unique_tag is hashed by identifier_for
    assert search.identifier_for(model) == REFERENCE[name]["identifier"]


def test__dynesty_differs_only_in_the_settings_pyautofit_sets_and_this_project_does_not():
    (search, model, unique_tag) = next((s, m, t) for n, s, m, t in _cases() if n == "dynesty_halo")
    ours = Identifier([search, model, unique_tag]).description.split("\n")
    theirs = REFERENCE["dynesty_halo"]["description"].split("\n")
    # PyAutoFit passes walks=5, facc=0.2, slices=5 to dynesty; this project keeps dynesty's own.
    assert ours[ours.index("max_move") :] == theirs[theirs.index("max_move") :]
    assert theirs[theirs.index("walks") + 1] == "5" and ours[ours.index("walks") + 1] == "facc"


def test__identifier_changes_with_priors_settings_and_unique_tag():
    model = al.Model(al.mp.IsothermalSph, einstein_radius=al.UniformPrior(0.0, 2.0))
    base = identifier_from(al.Emcee(nwalkers=40), model)
    other_prior = al.Model(al.mp.IsothermalSph, einstein_radius=al.UniformPrior(0.0, 2.5))
    other_prior.centre = model.centre
    assert identifier_from(al.Emcee(nwalkers=40), other_prior) != base
    assert identifier_from(al.Emcee(nwalkers=42), model) != base
    assert identifier_from(al.Emcee(nwalkers=40), model, "tag") != base
    # floats are rounded to 1e-8 first
    nudged = al.Model(al.mp.IsothermalSph, einstein_radius=al.UniformPrior(0.0, 2.0 + 1e-12))
    nudged.centre = model.centre
    assert identifier_from(al.Emcee(nwalkers=40), nudged) == base


def test__derived_parameters_are_refused():
    model = al.Model(al.mp.IsothermalSph)
    model.einstein_radius = 2.0 * model.centre.centre_0
    with pytest.raises(exc.ModelException, match="variable names"):
        identifier_from(al.Emcee(), model)


def test__directory_paths_use_the_identifier_as_the_last_folder(tmp_path):
    model = al.Model(al.mp.IsothermalSph)
    search = al.Nautilus(name="fit", path_prefix="p", unique_tag="u", output_path=tmp_path)
    paths = al.DirectoryPaths(
        name="fit",
        path_prefix="p",
        unique_tag="u",
        identifier=search.identifier_for(model),
        output_path=tmp_path,
    )
    assert paths.output_path == tmp_path / "p" / "u" / "fit" / search.identifier_for(model)


def test__identifier_in_paths_puts_the_fit_in_pyautolens_folder(tmp_path):
    import modeling_toy as toy

    from autogalaxy.modeling import LBFGS

    model = toy.toy_model()
    search = LBFGS(
        name="fit",
        path_prefix="p",
        unique_tag="u",
        n_starts=1,
        maxiter=5,
        output_path=tmp_path,
        progress=False,
        is_identifier_in_paths=True,
    )
    identifier = search.identifier_for(model)
    assert len(identifier) == 32
    search.fit(model, toy.ToyAnalysis())
    folder = tmp_path / "p" / "u" / "fit" / identifier
    assert search.output_folder == folder
    assert (folder / "samples.csv").is_file()
    plain = LBFGS(name="fit", n_starts=1, maxiter=5, output_path=tmp_path, progress=False)
    assert plain.output_folder == tmp_path / "fit"
    with pytest.raises(exc.SearchException, match="is_identifier_in_paths"):
        LBFGS(name="x", output_path=tmp_path, is_identifier_in_paths="yes").fit(
            model, toy.ToyAnalysis()
        )


def _list_collection_model():
    col = al.Collection([al.Model(al.lp.Gaussian), al.Model(al.lp.Gaussian)])
    col.append(al.Model(al.lp.Sersic))
    basis = al.Model(al.lp_basis.Basis, profile_list=[al.Model(al.lp.Gaussian)] * 2)
    galaxy = al.Model(al.Galaxy, redshift=0.5, bulge=basis)
    return al.Collection(galaxies=al.Collection(g=galaxy, other=col))


def test__directory_paths_identifier_of_a_model_hashes_list_collection_item_numbers():
    # PyAutoFit 2026.10.26.1 gives these md5s: a Collection built from a list (or appended
    # to) hashes its item count, one built from keywords hashes 0
    paths = al.DirectoryPaths()
    assert paths.identifier == "d41d8cd98f00b204e9800998ecf8427e"
    paths.model = _list_collection_model()
    assert paths.identifier == "12b04dbed946941c18d3d00d1fc21aff"
    tagged = al.DirectoryPaths(unique_tag="tag")
    tagged.model = _list_collection_model()
    assert tagged.identifier == "d7795a897b656c249e034a5ab4794693"
    assert al.DirectoryPaths(identifier="abc").identifier == "abc"
