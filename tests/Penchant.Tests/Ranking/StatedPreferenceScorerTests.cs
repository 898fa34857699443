using System.Text.RegularExpressions;
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
        RankingCandidate[] candidates = [new("A corn snake is a reptile.", new[] { 0.9f, 0.1f }), new("A goldfish.", new[] { 0.1f, 0.9f }), new("A rabbit.", new[] { 0.3f, 0.7f })];

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
        RankingCandidate[] candidates = [new("A ball python is a low-maintenance reptile.", new[] { 0.6f, 0.4f }), new("A betta fish in a small aquarium.", new[] { 0.5f, 0.5f })];
        var factors = new List<RankingFactor>[] { [], [] };

        double[] scores = StatedPreferenceScorer.Score([preference], candidates, factors);

        Assert.True(scores[1] > scores[0]);
        Assert.Contains(factors[0], f => f.Description.StartsWith("violates", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_NumericBound_FavoursTheCandidateThatKeepsIt()
    {
        RankingPreference preference = Prepared("I prefer not to watch movies that are over two hours long.");
        RankingCandidate[] candidates = [new("Avatar: The Way of Water (3h 12m)", new[] { 0.5f, 0.5f }), new("The Banshees of Inisherin (1h 54m)", new[] { 0.5f, 0.5f })];
        var factors = new List<RankingFactor>[] { [], [] };

        double[] scores = StatedPreferenceScorer.Score([preference], candidates, factors);

        Assert.True(scores[1] > scores[0]);
    }

    [Fact]
    public void ExcludesAny_FreeOfAndWithout_AreExclusions()
    {
        HashSet<string> gluten = Penchant.Language.TextTools.ContentStems("gluten");

        Assert.True(StatedPreferenceScorer.ExcludesAny("a gluten-free pasta", gluten));
        Assert.True(StatedPreferenceScorer.ExcludesAny("pasta made without any gluten", gluten));
        Assert.False(StatedPreferenceScorer.ExcludesAny("fresh gluten bread, low in salt", gluten));
        Assert.False(StatedPreferenceScorer.ExcludesAny("a little black dress", Penchant.Language.TextTools.ContentStems("black")));
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
        RankingCandidate[] candidates = [new(violating, new[] { 0.5f, 0.5f }), new(keeping, new[] { 0.5f, 0.5f })];
        var factors = new List<RankingFactor>[] { [], [] };

        double[] scores = StatedPreferenceScorer.Score([preference], candidates, factors);

        Assert.True(scores[1] > scores[0], $"{keeping} {scores[1]} should beat {violating} {scores[0]}");
    }

    [Theory]
    [InlineData("A gluten-free, dairy free pasta; sugar-and-gluten-free cake; carefree days; free of nuts; free-range eggs.")]
    [InlineData("No meat, nothing fried, without any added sugar, non-toxic, zero-waste, avoids palm oil, avoid it, skip the dressing.")]
    [InlineData("Minus the cheese, excluding nuts, except olives, away from crowds, minimal dialogue, less salt, fewer ads, low-maintenance.")]
    [InlineData("Limited edition, vegan leather, faux fur, fake blood, imitation crab, plant-based milk, plant based milk.")]
    [InlineData("With little gluten, very little sugar, has little appeal, a little black dress, so little time, too little room.")]
    [InlineData("Know now; another snow; lowest allowance; nonsense; lesson; unless; freedom; free; no; low; a-free; -free; x free\nfree")]
    [InlineData("It’s noisy — no-frills, NO CAPS, no\tmeat, without\n, free of\u00a0gluten, café-free, naïve-free, 2-free, x_y-free.")]
    [InlineData("")]
    public void ExclusionMatches_AreTheMatchesOfThePatternOverTheWholeText(string text)
    {
        // The finder tries the pattern only where a match can start; it must find what a plain search finds.
        string lower = text.ToLowerInvariant();
        var plain = new Regex(StatedPreferenceScorer.ExclusionSource, RegexOptions.CultureInvariant);

        List<(int Start, int End)> found = StatedPreferenceScorer.ExclusionMatches(lower);

        Assert.Equal(plain.Matches(lower).Select(static m => (m.Index, m.Index + m.Length)), found);
    }

    [Fact]
    public void ExclusionMatches_LongText_AreTheMatchesOfThePattern()
    {
        // Longer than the stack buffer of places a match can start.
        string lower = string.Concat(Enumerable.Repeat("a sugar-free snack with no nuts and very little salt, low in fat. ", 40));
        var plain = new Regex(StatedPreferenceScorer.ExclusionSource, RegexOptions.CultureInvariant);

        List<(int Start, int End)> found = StatedPreferenceScorer.ExclusionMatches(lower);

        Assert.Equal(160, found.Count);
        Assert.Equal(plain.Matches(lower).Select(static m => (m.Index, m.Index + m.Length)), found);
    }
}
