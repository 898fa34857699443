namespace Penchant.Domain;

public sealed class MetadataFilterTests
{
    private static IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> Query(params (string Name, string? Value)[] parameters)
        => parameters.GroupBy(static p => p.Name).Select(static g => new KeyValuePair<string, IReadOnlyList<string?>>(g.Key, g.Select(static p => p.Value).ToArray()));

    [Fact]
    public void Parse_MetadataParameters_RequireEveryKeyAndAcceptEitherRepeatedValue()
    {
        MetadataFilter filter = MetadataFilter.Parse(Query(("metadata.app", "mail"), ("metadata.app", "chat"), ("metadata.source", "settings"), ("limit", "10")));

        Assert.True(filter.Matches(new Dictionary<string, string> { ["app"] = "mail", ["source"] = "settings", ["extra"] = "x" }));
        Assert.True(filter.Matches(new Dictionary<string, string> { ["app"] = "chat", ["source"] = "settings" }));
        Assert.False(filter.Matches(new Dictionary<string, string> { ["app"] = "calendar", ["source"] = "settings" }));
        Assert.False(filter.Matches(new Dictionary<string, string> { ["app"] = "mail" }));
        Assert.False(filter.Matches(null));
        Assert.False(filter.Matches(new Dictionary<string, string> { ["App"] = "mail", ["source"] = "settings" }));
    }

    [Fact]
    public void Parse_NoMetadataParameters_LetsEverythingThrough()
    {
        MetadataFilter filter = MetadataFilter.Parse(Query(("q", "diet")));

        Assert.True(filter.IsEmpty);
        Assert.True(filter.Matches(null));
        Assert.True(filter.Matches(new Dictionary<string, string> { ["app"] = "mail" }));
    }

    [Theory]
    [InlineData("metadata.", "mail")]
    [InlineData("metadata.bad key", "mail")]
    [InlineData("metadata.app", "")]
    [InlineData("metadata.app", null)]
    public void Parse_MalformedCondition_ThrowsNamingTheQuery(string name, string? value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => MetadataFilter.Parse(Query((name, value))));

        Assert.Equal("query", error.ParamName);
    }

    [Fact]
    public void Validate_Limits_AreEnforcedWithTheKeyInTheMessage()
    {
        PreferenceMetadata.Validate(new Dictionary<string, string> { ["app.name_v-2"] = "mail" }, "metadata");
        PreferenceMetadata.Validate(null, "metadata");

        ArgumentException longKey = Assert.Throws<ArgumentException>(() => PreferenceMetadata.Validate(new Dictionary<string, string> { [new string('k', PreferenceMetadata.MaxKeyLength + 1)] = "v" }, "metadata"));
        ArgumentException control = Assert.Throws<ArgumentException>(() => PreferenceMetadata.Validate(new Dictionary<string, string> { ["app"] = "a\u0001b" }, "metadata"));

        Assert.Equal("metadata", longKey.ParamName);
        Assert.Contains("'app'", control.Message, StringComparison.Ordinal);
    }
}
