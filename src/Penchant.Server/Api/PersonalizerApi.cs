using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Server.Contracts;

namespace Penchant.Server.Api;

/// <summary>
/// Azure Personalizer's v1.0 API (rank, reward, activate) over Penchant's decisions, so an application that used
/// Personalizer changes its endpoint and key and nothing else. Keys are Penchant API keys, accepted in Personalizer's
/// <c>Ocp-Apim-Subscription-Key</c> header too.
/// </summary>
/// <remarks>
/// Every call of a tenant uses one policy, the user <see cref="ServiceOptions.PersonalizerUserId"/>, as a Personalizer
/// resource has one; people are described by context features. Errors are problem details (as the native API's).
/// </remarks>
public static class PersonalizerApi
{
    /// <summary>Maps the routes under <c>/personalizer/v1.0</c>.</summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPersonalizerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder group = endpoints.MapPersonalizerGroup();
        group.MapPost("/rank", RankAsync).WithName("PersonalizerRank")
            .WithSummary("Personalizer v1.0: rank actions for a context; the first is the one to show");
        group.MapPost("/events/{eventId}/reward", RewardAsync).WithName("PersonalizerReward")
            .WithSummary("Personalizer v1.0: report the reward of an event")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/events/{eventId}/activate", ActivateAsync).WithName("PersonalizerActivate")
            .WithSummary("Personalizer v1.0: activate an event ranked with deferActivation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/multislot/rank", MultiSlotRankAsync).WithName("PersonalizerMultiSlotRank")
            .WithSummary("Personalizer multi-slot: choose a different action for each slot of a page");
        group.MapPost("/multislot/events/{eventId}/reward", MultiSlotRewardAsync).WithName("PersonalizerMultiSlotReward")
            .WithSummary("Personalizer multi-slot: report the rewards of an event's slots")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/multislot/events/{eventId}/activate", MultiSlotActivateAsync).WithName("PersonalizerMultiSlotActivate")
            .WithSummary("Personalizer multi-slot: activate an event ranked with deferActivation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Ranks actions for a context (Personalizer's <c>rank</c>).</summary>
    /// <param name="request">The rank request.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="options">The decision options (feature limits).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ranking, or a problem.</returns>
    public static async Task<Results<Ok<PersonalizerRankResponse>, ProblemHttpResult>> RankAsync(
        PersonalizerRankRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, IOptions<DecidingOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        UserKey user = PolicyUser(principal, service.Value);
        int limit = options.Value.MaxFeatures;
        List<DecisionAction> actions = ReadActions(request.Actions, limit, nameof(request));

        var context = new DecisionContext { Features = FeatureJson.ReadList(request.ContextFeatures, limit, "contextFeatures") };
        IReadOnlyList<string> excluded = request.ExcludedActions ?? [];
        DecisionResult result = await decider.DecideAsync(
            user,
            context,
            actions,
            new DecisionOptions { DecisionId = request.EventId, ExcludedActionIds = excluded, DeferActivation = request.DeferActivation ?? false },
            cancellationToken);

        var ranking = new List<PersonalizerRankedAction>(actions.Count);
        ranking.AddRange(result.Ranking.Select(static a => new PersonalizerRankedAction(a.Id, a.Probability)));
        var ranked = new HashSet<string>(result.Ranking.Select(static a => a.Id), StringComparer.Ordinal);
        foreach (DecisionAction action in actions)
        {
            if (!ranked.Contains(action.Id))
            {
                ranking.Add(new PersonalizerRankedAction(action.Id, 0));
            }
        }

        return TypedResults.Ok(new PersonalizerRankResponse(ranking, result.DecisionId, result.Chosen.Id));
    }

    /// <summary>Reports the reward of an event (Personalizer's <c>reward</c>).</summary>
    /// <param name="eventId">The event (the rank call's <c>eventId</c>).</param>
    /// <param name="request">The reward.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem.</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> RewardAsync(
        string eventId, PersonalizerRewardRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        double value = request.Value ?? throw new ArgumentException("'value' is required.", nameof(request));
        await decider.RewardAsync(PolicyUser(principal, service.Value), eventId, value, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Activates an event ranked with <c>deferActivation</c> (Personalizer's <c>activate</c>).</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem.</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> ActivateAsync(
        string eventId, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        await decider.ActivateAsync(PolicyUser(principal, service.Value), eventId, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Chooses a different action for each slot (Personalizer's multi-slot <c>rank</c>): one decision per slot, in the
    /// slots' order, over the context's and the slot's features, leaving out the slot's excluded actions and those the
    /// slots before it took; the slot's baseline action is the decision's default action.
    /// </summary>
    /// <param name="request">The multi-slot rank request.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="options">The decision options (feature limits).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Each slot's action, or a problem.</returns>
    public static async Task<Results<Ok<PersonalizerMultiSlotRankResponse>, ProblemHttpResult>> MultiSlotRankAsync(
        PersonalizerMultiSlotRankRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, IOptions<DecidingOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        UserKey user = PolicyUser(principal, service.Value);
        int limit = options.Value.MaxFeatures;
        List<DecisionAction> actions = ReadActions(request.Actions, limit, nameof(request));
        if (request.Slots is null || request.Slots.Count == 0)
        {
            throw new ArgumentException("'slots' needs at least one slot.", nameof(request));
        }

        if (request.Slots.Count > actions.Count)
        {
            throw new ArgumentException($"{request.Slots.Count} slots need at least as many actions; {actions.Count} were given.", nameof(request));
        }

        IReadOnlyList<Feature> contextFeatures = FeatureJson.ReadList(request.ContextFeatures, limit, "contextFeatures");
        string eventId = request.EventId ?? "ev_" + Guid.CreateVersion7().ToString("N");
        var slots = new List<(PersonalizerSlot Slot, DecisionContext Context)>(request.Slots.Count);
        var slotIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (PersonalizerSlot? slot in request.Slots)
        {
            if (slot is null || string.IsNullOrWhiteSpace(slot.Id) || slot.Id.Length > Feature.MaxNameLength)
            {
                throw new ArgumentException($"Every slot needs an 'id' of 1 to {Feature.MaxNameLength} characters.", nameof(request));
            }

            if (!slotIds.Add(slot.Id))
            {
                throw new ArgumentException($"The slot '{slot.Id}' appears more than once.", nameof(request));
            }

            // The slot's features join the context's, named apart so a slot's "size" is not the context's.
            IReadOnlyList<Feature> own = FeatureJson.ReadList(slot.Features, limit, "slots.features");
            var features = new List<Feature>(contextFeatures.Count + own.Count + 1) { Feature.Category("slot", slot.Id) };
            features.AddRange(contextFeatures);
            features.AddRange(own.Select(static f => f with { Name = "slot." + f.Name }));
            slots.Add((slot, new DecisionContext { Features = features }));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<PersonalizerSlotResponse>(slots.Count);
        foreach ((PersonalizerSlot slot, DecisionContext context) in slots)
        {
            var excluded = new HashSet<string>(taken, StringComparer.Ordinal);
            excluded.UnionWith(slot.ExcludedActions ?? []);
            string? baseline = slot.BaselineAction is { } b && !excluded.Contains(b) && actions.Exists(a => a.Id == b) ? b : null;
            DecisionResult result = await decider.DecideAsync(
                user,
                context,
                actions,
                new DecisionOptions { DecisionId = SlotDecisionId(eventId, slot.Id!), ExcludedActionIds = [.. excluded], DefaultActionId = baseline, DeferActivation = request.DeferActivation ?? false },
                cancellationToken);
            taken.Add(result.Chosen.Id);
            chosen.Add(new PersonalizerSlotResponse(slot.Id!, result.Chosen.Id));
        }

        return TypedResults.Ok(new PersonalizerMultiSlotRankResponse(chosen, eventId));
    }

    /// <summary>Reports the rewards of an event's slots (Personalizer's multi-slot <c>reward</c>).</summary>
    /// <param name="eventId">The event (the multi-slot rank call's <c>eventId</c>).</param>
    /// <param name="request">The rewards, one per slot.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem.</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> MultiSlotRewardAsync(
        string eventId, PersonalizerMultiSlotRewardRequest request, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        if (request.Reward is null || request.Reward.Count == 0)
        {
            throw new ArgumentException("'reward' needs at least one slot's reward.", nameof(request));
        }

        var rewards = new List<(string DecisionId, double Value)>(request.Reward.Count);
        foreach (PersonalizerSlotReward? reward in request.Reward)
        {
            if (reward?.SlotId is not { Length: > 0 } slotId || reward.Value is not { } value)
            {
                throw new ArgumentException("Every reward needs a 'slotId' and a 'value'.", nameof(request));
            }

            if (!double.IsFinite(value))
            {
                throw new ArgumentException("A reward is a finite number.", nameof(request));
            }

            rewards.Add((SlotDecisionId(eventId, slotId), value));
        }

        // Every slot is checked before any reward is recorded, so an unknown slot changes nothing.
        UserKey user = PolicyUser(principal, service.Value);
        foreach ((string decisionId, _) in rewards)
        {
            if (!await decider.HasDecisionAsync(user, decisionId, cancellationToken))
            {
                throw new NotFoundException($"The event '{eventId}' has no such slot.");
            }
        }

        foreach ((string decisionId, double value) in rewards)
        {
            await decider.RewardAsync(user, decisionId, value, cancellationToken: cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Activates every slot of an event ranked with <c>deferActivation</c> (Personalizer's multi-slot <c>activate</c>).</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="principal">The authenticated key.</param>
    /// <param name="decider">The decider.</param>
    /// <param name="service">The service options (the policy's user).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>No content, or a problem (404 when no slot of the event waits for its activation).</returns>
    public static async Task<Results<NoContent, ProblemHttpResult>> MultiSlotActivateAsync(
        string eventId, ClaimsPrincipal principal, IDecider decider, IOptions<ServiceOptions> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(service);
        UserKey user = PolicyUser(principal, service.Value);
        IReadOnlyList<string> activated = await decider.ActivateWaitingAsync(user, eventId + SlotSeparator, cancellationToken);
        if (activated.Count == 0)
        {
            throw new NotFoundException($"No slot of the event '{eventId}' waits for its activation.");
        }

        return TypedResults.NoContent();
    }

    /// <summary>The separator between an event's identifier and a slot's part in the slot's decision identifier.</summary>
    internal const string SlotSeparator = "~";

    /// <summary>The decision identifier of an event's slot: the event's identifier and a hash of the slot's (which may hold spaces).</summary>
    internal static string SlotDecisionId(string eventId, string slotId)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in slotId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return eventId + SlotSeparator + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static UserKey PolicyUser(ClaimsPrincipal principal, ServiceOptions service) => Handlers.User(principal, service.PersonalizerUserId);

    // Personalizer's actions as decision actions: at least one, each with an id; its features are read within the limit.
    private static List<DecisionAction> ReadActions(IReadOnlyList<PersonalizerAction>? given, int limit, string parameter)
    {
        if (given is null || given.Count == 0)
        {
            throw new ArgumentException("'actions' needs at least one action.", parameter);
        }

        var actions = new List<DecisionAction>(given.Count);
        foreach (PersonalizerAction? action in given)
        {
            if (action?.Id is null)
            {
                throw new ArgumentException("Every action needs an 'id'.", parameter);
            }

            actions.Add(new DecisionAction(action.Id) { Features = FeatureJson.ReadList(action.Features, limit, "actions.features") });
        }

        return actions;
    }
}
