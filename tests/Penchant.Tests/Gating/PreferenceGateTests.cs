using Penchant.Domain;
using Penchant.Gating;
using Penchant.Text;

namespace Penchant.Tests.Gating;

public sealed class PreferenceGateTests
{
    [Theory]
    [InlineData(0.80, 1.0)]
    [InlineData(0.40, 0.0)]
    [InlineData(0.10, -1.0)]
    public void Measure_ScopeInWordsWithoutSharedWords_IsMetToTheDegreeOfItsSimilarity(double similarity, double expected)
    {
        // Arrange: the scope's vector is at the given cosine from the request's; the request shares none of its words.
        PreparedPreference p = Prepare("When I book a restaurant, add it to my calendar too.", "I book a restaurant", ScopeVector(similarity));
        var request = new RequestView(new RequestContext("Reserve a table at Osteria Nonna for Friday at 8."), new float[] { 1, 0 });

        // Act
        GateFeatures f = PreferenceGate.Measure(request, p, []);

        // Assert
        Assert.Equal(expected, f.ScopeMatch, 6);
        Assert.Equal(similarity, f.ScopeSimilarity, 6);
    }

    [Fact]
    public void Measure_ScopeInWordsTheRequestRepeats_IsMet()
    {
        PreparedPreference p = Prepare("For hotels I want free cancellation.", "hotels", ScopeVector(0.1));
        var request = new RequestView(new RequestContext("Find a hotel in Lisbon for May."), new float[] { 1, 0 });

        Assert.Equal(1.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Theory]
    [InlineData("Text my mum that dinner is at 7.", 1.0)]
    [InlineData("Text my dad that I'll pick him up at 7.", -1.0)]
    [InlineData("Write an email to my landlord about the heater.", -1.0)]
    public void Measure_PreferenceAddressedToARecipientInItsText_HoldsOnlyForThem(string requestText, double expected)
    {
        // "Messages to my mom …" has no extracted scope; the gate reads the recipient from the text.
        PreparedPreference p = Prepare("Messages to my mom should be in Spanish.", null, null);
        var request = new RequestView(new RequestContext(requestText), new float[] { 1, 0 });

        Assert.Equal("family", p.Recipient);
        Assert.Equal(expected, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Fact]
    public void Measure_ScopeForTheWholeFamily_IsMetByAnyMember()
    {
        var preference = new Preference
        {
            Id = "pf_1",
            Text = "Keep messages to my family in Spanish.",
            Scope = new PreferenceScope { Text = "messages to my family", Tags = new Dictionary<string, string> { ["recipient"] = "family" } },
            Embedding = new float[] { 1, 0 },
        };
        var p = new PreparedPreference(preference, TextTools.ContentStems(preference.Text), [], null, [], null);
        var request = new RequestView(new RequestContext("Text my dad that I'll be late."), new float[] { 1, 0 });

        Assert.Equal(1.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Fact]
    public void Measure_UnscopedPreferenceNamingNoRecipient_HasNoScopeMatch()
    {
        PreparedPreference p = Prepare("My mom's name is Rosa.", null, null);
        var request = new RequestView(new RequestContext("Text my dad that I'll be late."), new float[] { 1, 0 });

        Assert.Null(p.Recipient);
        Assert.Equal(0.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Theory]
    [InlineData("I book a restaurant", "book a restaurant")]
    [InlineData("you draft an email for me", "draft an email for me")]
    [InlineData("I ask you to plan a trip", "plan a trip")]
    [InlineData("emails to my boss", "emails to my boss")]
    [InlineData("I", "I")]
    public void ScopePhrase_DropsALeadingSubject(string scope, string expected)
    {
        var preference = new Preference { Id = "pf_1", Text = "When " + scope + ", keep it short.", Scope = new PreferenceScope { Text = scope } };

        Assert.Equal(expected, PreparedPreference.ScopePhrase(preference));
    }

    [Theory]
    [InlineData("Board reports need an exec summary at the top.", "Board reports")]
    [InlineData("Every PR description needs a Testing section.", "PR description")]
    [InlineData("Hotels should be within walking distance of the office.", "Hotels")]
    [InlineData("I should drink more water.", null)]
    [InlineData("Everything should be in metric units.", null)]
    [InlineData("I prefer aisle seats.", null)]
    public void ScopePhrase_Unscoped_IsWhatTheTextIsARuleFor(string text, string? expected)
    {
        var preference = new Preference { Id = "pf_1", Text = text, Embedding = new float[] { 1, 0 } };
        var prepared = new PreparedPreference(preference, TextTools.ContentStems(text), [], null, [], null);

        Assert.Equal(expected, PreparedPreference.ScopePhrase(preference));
        Assert.Equal(expected is not null, prepared.IsScoped);
    }

    [Theory]
    [InlineData("texting my mom", "mother")]
    [InlineData("a card for my mum", "mother")]
    [InlineData("text my dad", "father")]
    [InlineData("my parents", "family")]
    [InlineData("my brother's birthday", "sibling")]
    [InlineData("my boss", null)]
    [InlineData("my grandmother", "grandparent")]
    public void FamilyMemberOf_NamesTheMember(string text, string? expected) => Assert.Equal(expected, Penchant.Extraction.StatementAnalyzer.FamilyMemberOf(text));

    private static PreparedPreference Prepare(string text, string? scope, float[]? scopeVector)
    {
        var preference = new Preference
        {
            Id = "pf_1",
            Text = text,
            Scope = scope is null ? PreferenceScope.Everywhere : new PreferenceScope { Text = scope },
            Embedding = new float[] { 1, 0 },
        };
        return new PreparedPreference(preference, TextTools.ContentStems(text), [], scopeVector, scope is null ? [] : TextTools.ContentStems(scope), null);
    }

    /// <summary>A unit vector at the given cosine from (1, 0).</summary>
    private static float[] ScopeVector(double similarity) => [(float)similarity, (float)Math.Sqrt(1 - (similarity * similarity))];
}
