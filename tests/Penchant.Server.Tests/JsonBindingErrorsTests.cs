using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;

namespace Penchant.Server;

/// <summary>Binding failures of the service's JSON options are described in words, with the JSON path and without .NET type names.</summary>
public sealed class JsonBindingErrorsTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Theory]
    [InlineData("""{"context": "c", "preferred": "a", "rejected": "b", "magnitude": "enormous"}""", ApiProblems.InvalidEnumValue, "$.magnitude", "tie, slightly, clearly, much")]
    [InlineData("""{"context": "c", "preferred": "a", "rejected": "b", "extra": 1}""", ApiProblems.UnknownField, "$.extra", "'extra'")]
    [InlineData("""{"context": "c", "preferred": "a", "rejected": "b", "Context": "d"}""", ApiProblems.DuplicateField, null, "more than once")]
    [InlineData("""{"context": 5, "preferred": "a", "rejected": "b"}""", ApiProblems.InvalidRequest, "$.context", "a string")]
    [InlineData("""{"context": "c", "preferred": "a", "rejected": "b", "at": "yesterday"}""", ApiProblems.InvalidRequest, "$.at", "ISO 8601")]
    [InlineData("""{"context": ["c"], "preferred": "a", "rejected": "b"}""", ApiProblems.InvalidRequest, "$.context", "a string")]
    public void Describe_NamesTheProblem(string body, string code, string? path, string phrase)
    {
        JsonException exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CompareRequest>(body, Options));

        JsonBodyError error = JsonBindingErrors.Describe(exception, typeof(CompareRequest), Options);

        Assert.True(code == error.Code, $"{error.Code}: {exception.Message}");
        if (path is not null)
        {
            Assert.Equal(path, error.Path);
        }

        Assert.Contains(phrase, error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Penchant.", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EmptyBodyBindingFailure_IsEmptyBody()
    {
        var exception = new BadHttpRequestException("Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?");

        JsonBodyError error = JsonBindingErrors.Describe(exception, bodyWasEmpty: false);

        Assert.Equal(ApiProblems.EmptyBody, error.Code);
    }

    [Fact]
    public void Describe_QueryBindingFailure_NamesTheParameterOnly()
    {
        var exception = new BadHttpRequestException("Failed to bind parameter \"int limit\" from \"abc\".");

        JsonBodyError error = JsonBindingErrors.Describe(exception, bodyWasEmpty: false);

        Assert.Equal(ApiProblems.InvalidRequest, error.Code);
        Assert.Contains("'limit'", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("int", error.Detail, StringComparison.Ordinal);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        PenchantJsonContext.ConfigureOptions(options);
        return options;
    }
}
