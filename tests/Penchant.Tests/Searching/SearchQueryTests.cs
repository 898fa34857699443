using Penchant.Domain;

namespace Penchant.Searching;

public sealed class SearchQueryTests
{
    private static readonly Preference[] Preferences = [.. Enumerable.Range(0, 3).Select(static i => new Preference { Id = $"pf_{i}", Text = $"text {i}" })];

    [Fact]
    public void Fuse_SumsReciprocalRanksOfBothRankings()
    {
        // Semantic order: 2, 0, 1; lexical: only 1 has words in common
        List<PreferenceMatch> matches = SearchQuery.Fuse(Preferences, [0.5, 0.1, 0.9], [0, 2.0, 0], limit: 10);

        PreferenceMatch one = matches.Single(static m => m.Preference.Id == "pf_1");
        Assert.Equal((1.0 / 63) + (1.0 / 61), one.Score, 12);
        Assert.Equal((3, 1), (one.SemanticRank, one.LexicalRank!.Value));
        PreferenceMatch two = matches.Single(static m => m.Preference.Id == "pf_2");
        Assert.Equal(1.0 / 61, two.Score, 12);
        Assert.Null(two.LexicalRank);

        // pf_1 (both rankings) outranks pf_2 (first by meaning only)
        Assert.Equal(["pf_1", "pf_2", "pf_0"], matches.Select(static m => m.Preference.Id));
    }

    [Fact]
    public void Fuse_KeepsTheLimit() => Assert.Single(SearchQuery.Fuse(Preferences, [0.5, 0.1, 0.9], [0, 0, 0], limit: 1));
}
