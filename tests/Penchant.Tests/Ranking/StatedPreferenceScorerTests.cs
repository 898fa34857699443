using Penchant.Domain;

namespace Penchant.Ranking;

public sealed class StatedPreferenceScorerTests
{
    /// <summary>Prepares a preference whose clause objects all embed as the first axis.</summary>
    private static RankingPreference Prepared(string text)
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split(text);
        return new RankingPreference(new Preference { Id = "p", Text = text }, 1, clauses, [.. clauses.Select(static _ => new[] { 1f, 0f })]);
    }

    [Fact]
    public void Features_AreCentredOverCandidates()
    {
        RankingPreference preference = Prepared("I avoid reptiles.");
        RankingCandidate[] candidates = [new("A corn snake is a reptile.", [0.9f, 0.1f]), new("A goldfish.", [0.1f, 0.9f]), new("A rabbit.", [0.3f, 0.7f])];

        double[][] features = StatedPreferenceScorer.Features(preference, candidates);

        for (int k = 0; k < StatedPreferenceScorer.FeatureNames.Count; k++)
        {
            Assert.Equal(0, features.Sum(f => f[k]), 9);
        }
    }

    [Fact]
    public void Score_AvoidedThing_RanksLast_EvenWhenItsModifierLooksLikeAnExclusion()
    {
        // "low-maintenance reptile": "low" qualifies the maintenance, not the reptile.
        RankingPreference preference = Prepared("I don't like reptiles.");
        RankingCandidate[] candidates = [new("A ball python is a low-maintenance reptile.", [0.6f, 0.4f]), new("A betta fish in a small aquarium.", [0.5f, 0.5f])];
        var factors = new List<RankingFactor>[] { [], [] };

        double[] scores = StatedPreferenceScorer.Score([preference], candidates, factors);

        Assert.True(scores[1] > scores[0]);
        Assert.Contains(factors[0], f => f.Description.StartsWith("violates", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_NumericBound_FavoursTheCandidateThatKeepsIt()
    {
        RankingPreference preference = Prepared("I prefer not to watch movies that are over two hours long.");
        RankingCandidate[] candidates = [new("Avatar: The Way of Water (3h 12m)", [0.5f, 0.5f]), new("The Banshees of Inisherin (1h 54m)", [0.5f, 0.5f])];
        var factors = new List<RankingFactor>[] { [], [] };

        double[] scores = StatedPreferenceScorer.Score([preference], candidates, factors);

        Assert.True(scores[1] > scores[0]);
    }

    [Fact]
    public void ExcludesAny_FreeOfAndWithout_AreExclusions()
    {
        HashSet<string> gluten = Penchant.Text.TextTools.ContentStems("gluten");

        Assert.True(StatedPreferenceScorer.ExcludesAny("a gluten-free pasta", gluten));
        Assert.True(StatedPreferenceScorer.ExcludesAny("pasta made without any gluten", gluten));
        Assert.False(StatedPreferenceScorer.ExcludesAny("fresh gluten bread, low in salt", gluten));
        Assert.False(StatedPreferenceScorer.ExcludesAny("a little black dress", Penchant.Text.TextTools.ContentStems("black")));
    }

    [Theory]
    [InlineData("I don't like reptiles as pets.", "A ball python is a docile snake.", "A betta fish in a small aquarium.")]
    [InlineData("I avoid products tested on animals.", "A luxurious anti-aging cream from La Prairie.", "A cruelty-free anti-aging serum.")]
    [InlineData("I prefer not to wear fur, whether real or faux.", "A stylish faux fur parka.", "A sleek wool trench coat.")]
    [InlineData("I don't buy leather.", "A leather-free bag with a leather strap.", "A canvas tote bag.")]
    [InlineData("I strictly avoid gluten.", "A trattoria famous for its fresh wheat pasta.", "A gluten-free trattoria with pizza and pasta.")]
    [InlineData("I strongly prefer games without any form of microtransactions.", "A puzzle game with in-app purchases.", "A puzzle game without microtransactions.")]
    [InlineData("I'm vegetarian.", "A juicy grilled ribeye steak with garlic butter.", "A creamy mushroom and spinach risotto.")]
    [InlineData("I'm vegetarian.", "Pan-seared salmon with lemon.", "A creamy mushroom and spinach risotto.")]
    [InlineData("I'm vegan.", "A cheese omelette with chives.", "A lentil curry with rice.")]
    public void Score_WithoutEmbeddingHelp_WordsAndConceptsDecide(string preferenceText, string violating, string keeping)
    {
        // Both candidates embed alike, so only what they say about the preference's objects separates them: a kind of an
        // avoided concept, an opposite of it, an exclusion the user's own words rule out, a mention beside an exclusion,
        // kinds of a concept the candidate leaves out by name, and what "without" asks for.
        RankingPreference preference = Prepared(preferenceText);
        RankingCandidate[] candidates = [new(violating, [0.5f, 0.5f]), new(keeping, [0.5f, 0.5f])];
        var factors = new List<RankingFactor>[] { [], [] };

        double[] scores = StatedPreferenceScorer.Score([preference], candidates, factors);

        Assert.True(scores[1] > scores[0], $"{keeping} {scores[1]} should beat {violating} {scores[0]}");
    }
}
