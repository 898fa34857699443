using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Selecting;

/// <summary>The filter after the gate drops a selected preference whose narrowed scope excludes the request, and keeps it with a reason.</summary>
public sealed class ScopeExclusionsTests
{
    private static readonly float[] ScopeAxis = [1, 0, 0];
    private static readonly float[] ExclusionAxis = [0, 1, 0];

    [Fact]
    public void Apply_RequestNamesExclusionInWords_DropsItWithReason()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected(["the book club"]);
        var request = new RequestView(new RequestContext("Email the book club about the new schedule"), ScopeAxis);

        List<SelectedPreference> excluded = ScopeExclusions.Apply(selected, prepared, request);

        Assert.Empty(selected);
        Assert.Equal("excluded: the book club", Assert.Single(excluded).Reasons[0]);
    }

    [Fact]
    public void Apply_RequestCloserToExclusionThanScope_DropsIt()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected(["the book club"]);
        var request = new RequestView(new RequestContext("Draft a reminder for Thursday"), Normalized([0.3f, 0.9f, 0]));

        List<SelectedPreference> excluded = ScopeExclusions.Apply(selected, prepared, request);

        Assert.Empty(selected);
        Assert.Single(excluded);
    }

    [Fact]
    public void Apply_RequestCloserToScope_KeepsIt()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected(["the book club"]);
        var request = new RequestView(new RequestContext("Email the bank about my card"), Normalized([0.9f, 0.3f, 0]));

        List<SelectedPreference> excluded = ScopeExclusions.Apply(selected, prepared, request);

        Assert.Single(selected);
        Assert.Empty(excluded);
    }

    [Fact]
    public void Apply_NoExclusions_KeepsEverything()
    {
        (List<SelectedPreference> selected, PreparedPreference[] prepared) = Selected([]);
        var request = new RequestView(new RequestContext("Email the book club"), ExclusionAxis);

        Assert.Empty(ScopeExclusions.Apply(selected, prepared, request));
        Assert.Single(selected);
    }

    private static (List<SelectedPreference>, PreparedPreference[]) Selected(string[] exclusions)
    {
        var preference = new Preference
        {
            Id = "pf_1",
            Text = "Use a formal greeting.",
            Scope = new PreferenceScope { Text = "emails", Exclusions = exclusions },
            Embedding = ScopeAxis,
        };
        var prepared = new PreparedPreference(preference, TextTools.ContentStems(preference.Text), [], ScopeAxis, TextTools.ContentStems("emails"), null)
        {
            ExclusionVectors = [.. exclusions.Select(static _ => ExclusionAxis)],
        };
        return ([new SelectedPreference(preference, 0.9, ["the request is within its scope (emails)"])], [prepared]);
    }

    private static float[] Normalized(float[] v)
    {
        float norm = MathF.Sqrt(v.Sum(static x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
