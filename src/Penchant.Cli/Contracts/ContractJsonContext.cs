using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Contracts;

/// <summary>
/// Source-generated JSON for the wire shapes and the event log, with the service's settings: camelCase, enums as
/// camelCase strings, <see langword="null"/> properties omitted (so exported files and <c>--json</c> output match the service).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<PreferenceKind>), typeof(CamelCaseEnumConverter<Polarity>), typeof(CamelCaseEnumConverter<ComparisonMagnitude>), typeof(CamelCaseEnumConverter<ReactionLabel>), typeof(CamelCaseEnumConverter<DecisionPolicy>)])]
[JsonSerializable(typeof(TurnContract))]
[JsonSerializable(typeof(WriteResponse))]
[JsonSerializable(typeof(SelectionResponse))]
[JsonSerializable(typeof(PreferenceContract))]
[JsonSerializable(typeof(IReadOnlyList<PreferenceContract>))]
[JsonSerializable(typeof(IReadOnlyList<SearchMatchContract>))]
[JsonSerializable(typeof(PreferenceEvent))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(DecideRequest))]
[JsonSerializable(typeof(IReadOnlyList<DecisionActionContract>))]
[JsonSerializable(typeof(DecisionResponse))]
[JsonSerializable(typeof(RewardResponse))]
[JsonSerializable(typeof(ActivatedJson))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>Writes an enum as a camelCase string (<c>statement</c>) and reads names case-insensitively or numbers.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
