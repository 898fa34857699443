using System.Text;
using Penchant.Server.Writes;

namespace Penchant.Server;

/// <summary>
/// The validator's allocation-free first pass must accept exactly the bodies its describing pass accepts: each case is a
/// body that differs from a well-formed one in one place a byte-level shortcut could miss.
/// </summary>
public sealed class JsonBodyValidatorTests
{
    [Theory]
    [InlineData("""{"a": 1, "b": {"a": 2, "c": [ {"a": 3}, {"a": 4, "b": 5} ]}}""")]
    [InlineData("""{"text": "quote \" and \\ and \n and \u00e9 and \ud83d\ude00"}""")]
    [InlineData("""[1, "two", null, true, {"x": {"y": {"z": []}}}]""")]
    [InlineData("""{"ab": 1, "a": 2, "b": 3, "ba": 4}""")]
    public void Validate_WellFormed_IsNull(string body)
    {
        Assert.Null(JsonBodyValidator.Validate(Encoding.UTF8.GetBytes(body), 16));
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""", ApiProblems.DuplicateField, "$")]
    [InlineData("""{"a": {"b": 1, "c": 2, "b": 3}}""", ApiProblems.DuplicateField, "$.a")]
    [InlineData("""{"list": [ {"id": 1}, {"id": 2, "x": 0, "id": 3} ]}""", ApiProblems.DuplicateField, "$.list[1]")]
    [InlineData("""{"a": 1, "\u0061": 2}""", ApiProblems.DuplicateField, "$")]
    [InlineData("""{"text": "half a pair \ud800 alone"}""", ApiProblems.InvalidUtf8, "$.text")]
    [InlineData("""{"a": [1, 2}""", ApiProblems.MalformedJson, null)]
    [InlineData("""  """, ApiProblems.EmptyBody, null)]
    public void Validate_Broken_NamesTheError(string body, string code, string? path)
    {
        JsonBodyError? error = JsonBodyValidator.Validate(Encoding.UTF8.GetBytes(body), 16);

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        if (path is not null)
        {
            Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_DuplicateAmongManyKeys_IsFound()
    {
        // More keys than the first pass compares pairwise: the describing pass decides, with its hash set.
        string keys = string.Join(", ", Enumerable.Range(0, 200).Select(static i => $"\"k{i}\": {i}"));

        Assert.Null(JsonBodyValidator.Validate(Encoding.UTF8.GetBytes("{" + keys + "}"), 16));
        Assert.Equal(ApiProblems.DuplicateField, JsonBodyValidator.Validate(Encoding.UTF8.GetBytes("{" + keys + ", \"k7\": 0}"), 16)?.Code);
    }

    [Fact]
    public void Validate_DeeperThanTheLimit_IsTooDeep()
    {
        Assert.Null(JsonBodyValidator.Validate(Encoding.UTF8.GetBytes(new string('[', 3) + new string(']', 3)), 3));
        Assert.Equal(ApiProblems.JsonTooDeep, JsonBodyValidator.Validate(Encoding.UTF8.GetBytes(new string('[', 4) + new string(']', 4)), 3)?.Code);
    }

    [Fact]
    public void Validate_InvalidUtf8_IsInvalidUtf8()
    {
        byte[] body = [.. "{\"a\": \""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal(ApiProblems.InvalidUtf8, JsonBodyValidator.Validate(body, 16)?.Code);
    }
}
