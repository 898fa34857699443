using System.Text.Json;
using System.Text.Json.Serialization;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Contracts;

/// <summary>
/// Source-generated JSON for the wire contract and the event log (camelCase, enums as camelCase strings,
/// <see langword="null"/> properties omitted). The CLI's JSON Lines import and export use it too.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<PreferenceKind>), typeof(CamelCaseEnumConverter<Polarity>), typeof(CamelCaseEnumConverter<ComparisonMagnitude>), typeof(CamelCaseEnumConverter<ReactionLabel>), typeof(CamelCaseEnumConverter<TrainingJobStatus>), typeof(CamelCaseEnumConverter<DecisionPolicy>), typeof(CamelCaseEnumConverter<PrincipleStatus>), typeof(CamelCaseEnumConverter<PrincipleVerdictKind>)])]
[JsonSerializable(typeof(RememberRequest))]
[JsonSerializable(typeof(DecideRequest))]
[JsonSerializable(typeof(DecisionResponse))]
[JsonSerializable(typeof(RewardRequest))]
[JsonSerializable(typeof(RewardResponse))]
[JsonSerializable(typeof(DecisionReportResponse))]
[JsonSerializable(typeof(PersonalizerRankRequest))]
[JsonSerializable(typeof(PersonalizerRankResponse))]
[JsonSerializable(typeof(PersonalizerRewardRequest))]
[JsonSerializable(typeof(PersonalizerMultiSlotRankRequest))]
[JsonSerializable(typeof(PersonalizerMultiSlotRankResponse))]
[JsonSerializable(typeof(PersonalizerMultiSlotRewardRequest))]
[JsonSerializable(typeof(EvaluatePolicyRequest))]
[JsonSerializable(typeof(PolicyEvaluationResponse))]
[JsonSerializable(typeof(RecommendationsResponse))]
[JsonSerializable(typeof(SequenceTrainingResponse))]
[JsonSerializable(typeof(EditPreferenceRequest))]
[JsonSerializable(typeof(NarrowScopeRequest))]
[JsonSerializable(typeof(ObserveRequest))]
[JsonSerializable(typeof(SelectRequest))]
[JsonSerializable(typeof(TurnContract))]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(RateRequest))]
[JsonSerializable(typeof(ChooseRequest))]
[JsonSerializable(typeof(EditRequest))]
[JsonSerializable(typeof(RankRequest))]
[JsonSerializable(typeof(ReactRequest))]
[JsonSerializable(typeof(TrainRequest))]
[JsonSerializable(typeof(RankingResponse))]
[JsonSerializable(typeof(ReactionResponse))]
[JsonSerializable(typeof(TrainingResponse))]
[JsonSerializable(typeof(TrainingJobResponse))]
[JsonSerializable(typeof(IReadOnlyList<TrainingJobResponse>))]
[JsonSerializable(typeof(WriteResponse))]
[JsonSerializable(typeof(SelectionResponse))]
[JsonSerializable(typeof(PrincipleContract))]
[JsonSerializable(typeof(UserSummaryContract))]
[JsonSerializable(typeof(UserPageResponse))]
[JsonSerializable(typeof(IReadOnlyList<PrincipleContract>))]
[JsonSerializable(typeof(TenantExplanationResponse))]
[JsonSerializable(typeof(PrincipleVerdictRequest))]
[JsonSerializable(typeof(PreferenceContract))]
[JsonSerializable(typeof(IReadOnlyList<PreferenceContract>))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(WebhookResponse))]
[JsonSerializable(typeof(IReadOnlyList<WebhookResponse>))]
[JsonSerializable(typeof(IReadOnlyList<WebhookDeliveryContract>))]
[JsonSerializable(typeof(PreferenceEvent))]
[JsonSerializable(typeof(IAsyncEnumerable<PreferenceEvent>))]
[JsonSerializable(typeof(IReadOnlyList<PreferenceEvent>))]
public sealed partial class PenchantJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Makes other options (for example ASP.NET Core's HTTP JSON options) serialize like this context: resolves the
    /// contract types through it first, and applies the same enum converters and null handling, which a resolver
    /// alone does not carry over.
    /// </summary>
    /// <param name="options">The options to configure.</param>
    public static void ConfigureOptions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, Default);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // A field the contract does not have, or one sent twice, is a mistake the caller should hear about rather than
        // a value silently dropped or overwritten (the service's bodies; see docs/service.md, "Errors").
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new CamelCaseEnumConverter<PreferenceKind>());
        options.Converters.Add(new CamelCaseEnumConverter<Polarity>());
        options.Converters.Add(new CamelCaseEnumConverter<ComparisonMagnitude>());
        options.Converters.Add(new CamelCaseEnumConverter<ReactionLabel>());
        options.Converters.Add(new CamelCaseEnumConverter<TrainingJobStatus>());
        options.Converters.Add(new CamelCaseEnumConverter<DecisionPolicy>());
        options.Converters.Add(new CamelCaseEnumConverter<PrincipleStatus>());
        options.Converters.Add(new CamelCaseEnumConverter<PrincipleVerdictKind>());
    }
}
