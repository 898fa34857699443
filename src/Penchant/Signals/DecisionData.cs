using System.Text.Json.Serialization;
using Penchant.Deciding;

namespace Penchant.Signals;

/// <summary>The structured part of a decision event.</summary>
internal sealed record DecisionData(
    string Id,
    DecisionContext Context,
    IReadOnlyList<DecisionAction> Actions,
    IReadOnlyList<int> Slate,
    IReadOnlyList<double> SlateProbabilities,
    IReadOnlyList<double> Probabilities,
    DecisionPolicy Policy,
    bool Apprentice,
    int Learned,
    bool Deferred);

/// <summary>The structured part of a reward event.</summary>
internal sealed record RewardData(string Id, double Value, int Slot);

/// <summary>Source-generated JSON for decision and reward data (no reflection in the core library).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DecisionData))]
[JsonSerializable(typeof(RewardData))]
internal sealed partial class DecidingJsonContext : JsonSerializerContext;
