using System.Text.RegularExpressions;
using Penchant.Domain;

namespace Penchant.Ranking;

// Fixtures here are written for these tests: household, garden, workshop and office situations, no evaluation item.
public sealed class StatedPreferenceScorerTests
{
    private static readonly float[] Level = [0.5f, 0.5f];

    /// <summary>Prepares a preference whose clause objects all embed as the first axis.</summary>
    private static RankingPreference Prepared(string text)
    {
        List<PreferenceClause> clauses = PreferenceClauses.Split(text);
        return new RankingPreference(new Preference { Id = "p", Text = text }, 1, clauses, [.. clauses.Select(static _ => new[] { 1f, 0f })]);
    }

    private static (double[] Scores, List<RankingFactor>[] Factors) Score(string preference, params (string Text, float[] Vector)[] candidates)
    {
        var factors = new List<RankingFactor>[candidates.Length];
        for (int i = 0; i < factors.Length; i++)
        {
            factors[i] = [];
        }

        RankingCandidate[] prepared = [.. candidates.Select(static c => new RankingCandidate(c.Text, c.Vector))];
        return (StatedPreferenceScorer.Score([Prepared(preference)], prepared, factors), factors);
    }

    [Fact]
    public void Features_AreCentredOverCandidates()
    {
        RankingPreference preference = Prepared("Please, no emojis, and I avoid fertiliser pellets.");
        RankingCandidate[] candidates =
        [
            new("Scatter fertiliser pellets 🌱🌱 around each shrub.", new[] { 0.9f, 0.1f }),
            new("Mulch the bed with bark.", new[] { 0.1f, 0.9f }),
            new("Water at dawn.", new[] { 0.3f, 0.7f }),
        ];

        double[][] features = StatedPreferenceScorer.Features(preference, candidates);

        for (int k = 0; k < StatedPreferenceScorer.FeatureNames.Count; k++)
        {
            Assert.Equal(0, features.Sum(f => f[k]), 9);
        }
    }

    [Theory]
    [InlineData("No emojis, please.")]
    [InlineData("Please, never any emojis in notes to my landlord.")]
    [InlineData("I can't stand emoji in work messages.")]
    [InlineData("Avoid emoticons.")]
    public void Score_NoEmojis_EmojiFreeDraftRanksFirstAndTheEmojiDraftViolates(string preference)
    {
        // The emoji draft is even the closer one by embedding: form, measured, decides.
        (double[] scores, List<RankingFactor>[] factors) = Score(
            preference,
            ("Hi Morgan! 😀🎉 The boiler is fixed 🔧👍 see you Tuesday 🙌", new[] { 0.8f, 0.2f }),
            ("Hi Morgan, the boiler is fixed. See you on Tuesday.", new[] { 0.4f, 0.6f }));

        Assert.True(scores[1] > scores[0], $"emoji-free {scores[1]} should beat emoji {scores[0]}");
        Assert.Contains(factors[0], static f => f.Description.StartsWith("violates", StringComparison.Ordinal));
        Assert.DoesNotContain(factors[0], static f => f.Description.StartsWith("satisfies", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_LikesEmojis_EmojiDraftRanksFirst()
    {
        (double[] scores, _) = Score(
            "I love emojis in casual chats.",
            ("Pizza night at mine on Friday.", Level),
            ("Pizza night at mine on Friday 🍕🎉", Level));

        Assert.True(scores[1] > scores[0]);
    }

    [Theory]
    [InlineData("Keep it short.")]
    [InlineData("I prefer brief answers.")]
    [InlineData("Please avoid long replies.")]
    [InlineData("Concise, please.")]
    public void Score_KeepItShort_ShortBeatsLong(string preference)
    {
        const string Long = "To repot a fern you first water it the day before, then choose a pot one size larger with drainage holes, "
            + "add a layer of fresh peat-free compost, ease the fern out by tipping the old pot and tapping its base, loosen the "
            + "outer roots gently with your fingers, set it at the same depth as before, fill around it, firm the compost lightly, "
            + "water thoroughly until it drains, and keep it out of direct sun for a week while it settles into its new home.";
        const string Short = "Water it, move it to a slightly bigger pot with fresh compost, and keep it shaded for a week.";

        (double[] scores, _) = Score(preference, (Long, [0.7f, 0.3f]), (Short, [0.5f, 0.5f]));

        Assert.True(scores[1] > scores[0], $"short {scores[1]} should beat long {scores[0]}");
    }

    [Fact]
    public void Score_WantsDetail_LongBeatsShort()
    {
        (double[] scores, _) = Score(
            "I like detailed, thorough answers.",
            ("Sand it and oil it.", Level),
            ("Sand the board with 120 grit and then 240 grit along the grain, wipe off the dust with a damp cloth, let it dry, "
             + "and rub in food-safe mineral oil in thin coats, twelve hours apart, until the wood stops soaking it up.", Level));

        Assert.True(scores[1] > scores[0]);
    }

    [Fact]
    public void Score_NoBulletPoints_ProseBeatsAList()
    {
        (double[] scores, _) = Score(
            "No bullet points.",
            ("Pack for the allotment:\n- gloves\n- trowel\n- twine\n- seed packets", Level),
            ("Pack gloves, a trowel, some twine and the seed packets for the allotment.", Level));

        Assert.True(scores[1] > scores[0]);
    }

    [Theory]
    [InlineData("I avoid quinzoth.", "A bowl of quinzoth with rice.", "A bowl of lentils with rice.")]
    [InlineData("Please avoid anything involving plimvar dust.", "Sweep up the plimvar dust first.", "Sweep up the sawdust first.")]
    [InlineData("Never suggest marbled grobbleware.", "Try the marbled grobbleware set.", "Try the plain stoneware set.")]
    [InlineData("I hate lacquer finishes.", "A shelf with a glossy lacquer finish.", "A shelf with a waxed finish.")]
    public void Score_AvoidX_ForAnyX_TheCandidateNamingXRanksLast(string preference, string violating, string keeping)
    {
        // Made-up words too: what is avoided is read from the sentence's structure, not from a list of things.
        (double[] scores, List<RankingFactor>[] factors) = Score(preference, (violating, Level), (keeping, Level));

        Assert.True(scores[1] > scores[0], $"{keeping} {scores[1]} should beat {violating} {scores[0]}");
        Assert.Contains(factors[0], static f => f.Description.StartsWith("violates", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_AvoidX_ByEmbeddingAlone_TheCloserCandidateRanksLast()
    {
        // No shared word: only the embedding of the avoided object says which candidate is about it.
        (double[] scores, _) = Score("Please avoid anything about volcanoes.", ("Magma chambers and ash clouds.", [0.95f, 0.05f]), ("Tide pools and kelp.", [0.1f, 0.9f]));

        Assert.True(scores[1] > scores[0]);
    }

    [Theory]
    [InlineData("I prefer trams over ferries.", "Take the ferry across the bay.", "Take the tram along the bay.")]
    [InlineData("I use screws instead of nails.", "Fix the panel with nails.", "Fix the panel with screws.")]
    [InlineData("I like linen instead of polyester.", "A polyester tablecloth.", "A linen tablecloth.")]
    public void Score_PreferXOverY_XBeatsY(string preference, string losing, string winning)
    {
        (double[] scores, _) = Score(preference, (losing, Level), (winning, Level));

        Assert.True(scores[1] > scores[0], $"{winning} {scores[1]} should beat {losing} {scores[0]}");
    }

    [Fact]
    public void Score_AvoidedThing_RanksLast_EvenWhenItsModifierLooksLikeAnExclusion()
    {
        // "low-odour varnish": "low" qualifies the odour, not the varnish.
        (double[] scores, List<RankingFactor>[] factors) = Score(
            "I don't want varnish on the table.", ("A low-odour varnish for the table.", [0.6f, 0.4f]), ("Hard wax oil for the table.", Level));

        Assert.True(scores[1] > scores[0]);
        Assert.Contains(factors[0], static f => f.Description.StartsWith("violates", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_ExcludingTheAvoidedThing_Satisfies()
    {
        (double[] scores, _) = Score("I avoid peat in my compost.", ("A multipurpose compost with peat.", Level), ("A peat-free multipurpose compost.", Level));

        Assert.True(scores[1] > scores[0]);
    }

    [Fact]
    public void Score_NumericBound_FavoursTheCandidateThatKeepsIt()
    {
        (double[] scores, _) = Score("I prefer podcasts that are under forty minutes.", ("The long interview (1h 25m)", Level), ("The quick recap (32 minutes)", Level));

        Assert.True(scores[1] > scores[0]);
    }

    [Theory]
    [InlineData("A board game called No Dice Island, about trading spices.", 0)]
    [InlineData("The sequel, Quest Zero Harbour, adds a second map.", 0)]
    [InlineData("A free-to-play card game with daily puzzles.", 0)]
    [InlineData("A peanut-free flapjack for the school trip.", 1)]
    [InlineData("No sugar is added to this oat bar.", 1)]
    public void Candidate_CueInANameOrAPrice_LeavesNothingOut(string text, int expected)
    {
        var candidate = new RankingCandidate(text, new float[4]);

        Assert.Equal(expected, candidate.Exclusions.Count);
    }

    [Fact]
    public void ExcludesAny_FreeOfAndWithout_AreExclusions()
    {
        HashSet<string> peat = Penchant.Language.TextTools.ContentStems("peat");

        Assert.True(StatedPreferenceScorer.ExcludesAny("a peat-free compost", peat));
        Assert.True(StatedPreferenceScorer.ExcludesAny("compost made without any peat", peat));
        Assert.False(StatedPreferenceScorer.ExcludesAny("rich peat compost, low in lime", peat));
        Assert.False(StatedPreferenceScorer.ExcludesAny("a little green shed", Penchant.Language.TextTools.ContentStems("green")));
    }

    [Theory]
    [InlineData("A peat-free, lime free mix; salt-and-peat-free soil; carefree days; free of slugs; free-standing shed.")]
    [InlineData("No weeds, nothing sprayed, without any added lime, non-toxic, zero-waste, avoids plastic pots, avoid it, skip the netting.")]
    [InlineData("Minus the gravel, excluding bulbs, except ferns, away from paths, minimal pruning, less water, fewer pests, low-growing.")]
    [InlineData("Limited space, vegan leather gloves, faux grass, fake plants, imitation stone, plant-based feed, plant based feed.")]
    [InlineData("With little shade, very little rain, has little scent, a little red barrow, so little time, too little room.")]
    [InlineData("Know now; another snow; lowest allowance; nonsense; lesson; unless; freedom; free; no; low; a-free; -free; x free\nfree")]
    [InlineData("It’s noisy — no-frills, NO CAPS, no\tweeds, without\n, free of\u00a0lime, café-free, naïve-free, 2-free, x_y-free.")]
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
        string lower = string.Concat(Enumerable.Repeat("a salt-free feed with no lime and very little peat, low in clay. ", 40));
        var plain = new Regex(StatedPreferenceScorer.ExclusionSource, RegexOptions.CultureInvariant);

        List<(int Start, int End)> found = StatedPreferenceScorer.ExclusionMatches(lower);

        Assert.Equal(160, found.Count);
        Assert.Equal(plain.Matches(lower).Select(static m => (m.Index, m.Index + m.Length)), found);
    }
}
