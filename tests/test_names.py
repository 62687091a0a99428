"""Names across scripts compare on consonant skeletons (practices.md: Tesla → tsl; تسلا → tsl)."""

import pytest

from crossfact.names import skeletons

SAME = [
    ("Tesla", ["টেসলা", "تسلا", "טסלה", "تيسلا"]),
    ("Musk", ["মাস্ক", "ماسك", "מאסק", "موسك"]),
    ("Memphis", ["মেমফিসের", "ممفيس", "ממפיס"]),
    ("Nvidia", ["এনভিডিয়া", "انفيديا", "אנבידיה"]),
    ("Google", ["গুগলের", "جوجل", "גוגל"]),
    ("Reuters", ["রয়টার্সের", "رويترز"]),
    ("Merritt", ["ميريت", "মেরিটের"]),
    ("Elon", ["ইলন", "إيلون", "אילון"]),
    ("Oracle", ["אורקל"]),
    ("Microsoft", ["মাইক্রোসফ্ট", "مايكروسوفت", "מיקרוסופט"]),
]


@pytest.mark.parametrize(("latin", "others"), SAME)
def test_one_name_in_every_script_shares_a_skeleton(latin, others):
    for word in others:
        assert skeletons(latin) & skeletons(word), (latin, word)


@pytest.mark.parametrize(("a", "b"), [("Tesla", "xAI"), ("Musk", "Memphis"), ("Oracle", "OpenAI"),
                                      ("Google", "Grok")])
def test_different_names_stay_apart(a, b):
    assert not skeletons(a) & skeletons(b)
