using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Penchant.Server.Contracts;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>
/// The bad-input matrix of <c>docs/service.md</c>: every row gets its documented status and error code, and the store
/// is unchanged afterwards (the user's export, history and the store's row counts compared before and after).
/// Runs once per store: <see cref="BadInputMatrixTests"/> (SQLite) and <see cref="PostgreSqlBadInputMatrixTests"/>.
/// </summary>
/// <typeparam name="TFactory">The service on one store.</typeparam>
public abstract class BadInputMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PenchantServerFactory
{
    private const string User = "matrix-user";
    private const string Statements = $"/v1/users/{User}/statements";
    private const string Observations = $"/v1/users/{User}/observations";
    private const string Select = $"/v1/users/{User}/select";
    private const string Comparisons = $"/v1/users/{User}/comparisons";
    private const string Ratings = $"/v1/users/{User}/ratings";
    private const string Choices = $"/v1/users/{User}/choices";
    private const string Rank = $"/v1/users/{User}/rank";
    private const string Reactions = $"/v1/users/{User}/reactions";
    private const string Edits = $"/v1/users/{User}/edits";

    private static readonly Dictionary<string, Row> Rows = new[]
    {
        new Row("malformed_json", HttpMethod.Post, Statements, Json("{\"text\": "), 400, ApiProblems.MalformedJson),
        new Row("wrong_type_number", HttpMethod.Post, Statements, Json("{\"text\": 5}"), 400, ApiProblems.InvalidRequest),
        new Row("wrong_type_array_body", HttpMethod.Post, Statements, Json("[1, 2]"), 400, ApiProblems.InvalidRequest),
        new Row("wrong_type_turns", HttpMethod.Post, Observations, Json("{\"turns\": \"hello\"}"), 400, ApiProblems.InvalidRequest),
        new Row("wrong_type_date", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"at\": \"yesterday\"}"), 400, ApiProblems.InvalidRequest),
        new Row("missing_text", HttpMethod.Post, Statements, Json("{}"), 400, ApiProblems.InvalidArgument),
        new Row("null_text", HttpMethod.Post, Statements, Json("{\"text\": null}"), 400, ApiProblems.InvalidArgument),
        new Row("blank_text", HttpMethod.Post, Statements, Json("{\"text\": \"   \"}"), 400, ApiProblems.InvalidArgument),
        new Row("empty_body", HttpMethod.Post, Statements, Json(""), 400, ApiProblems.EmptyBody),
        new Row("blank_body", HttpMethod.Post, Statements, Json("  \n "), 400, ApiProblems.EmptyBody),
        new Row("no_body", HttpMethod.Post, Statements, null, 400, ApiProblems.EmptyBody),
        new Row("unknown_field", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"colour\": \"red\"}"), 400, ApiProblems.UnknownField, JsonPath: "$.colour"),
        new Row("unknown_nested_field", HttpMethod.Post, Observations, Json("{\"turns\": [{\"role\": \"user\", \"content\": \"I like tea\", \"mood\": \"happy\"}]}"), 400, ApiProblems.UnknownField, JsonPath: "$.turns[0].mood"),
        new Row("duplicate_field", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"text\": \"I like coffee\"}"), 400, ApiProblems.DuplicateField, JsonPath: "$.text"),
        new Row("duplicate_field_other_case", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"Text\": \"I like coffee\"}"), 400, ApiProblems.DuplicateField),
        new Row("duplicate_attribute", HttpMethod.Post, Select, Json("{\"text\": \"dinner\", \"attributes\": {\"domain\": \"food\", \"domain\": \"travel\"}}"), 400, ApiProblems.DuplicateField, JsonPath: "$.attributes.domain"),
        new Row("trailing_garbage", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"} x"), 400, ApiProblems.MalformedJson),
        new Row("react_unknown_label", HttpMethod.Post, Reactions, Json("{\"turn\": \"thanks\", \"label\": \"ecstatic\"}"), 400, ApiProblems.UnknownField, JsonPath: "$.label"),
        new Row("huge_payload", HttpMethod.Post, Statements, Json("{\"text\": \"" + new string('a', 2 * 1024 * 1024) + "\"}"), 413, ApiProblems.PayloadTooLarge),
        new Row("text_too_long", HttpMethod.Post, Statements, Json("{\"text\": \"" + new string('a', 16_001) + "\"}"), 400, ApiProblems.TextTooLong),
        new Row("select_text_too_long", HttpMethod.Post, Select, Json("{\"text\": \"" + new string('a', 16_001) + "\"}"), 400, ApiProblems.TextTooLong),
        new Row("deep_nesting", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"extra\": " + new string('[', 200) + new string(']', 200) + "}"), 400, ApiProblems.JsonTooDeep, JsonPath: "$.extra[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"),
        new Row("invalid_utf8", HttpMethod.Post, Statements, () => Bytes([.. "{\"text\": \"caf"u8, 0xC3, 0x28, .. "\"}"u8]), 400, ApiProblems.InvalidUtf8),
        new Row("control_character", HttpMethod.Post, Statements, Json("{\"text\": \"I like\\u0007 tea\"}"), 400, ApiProblems.InvalidArgument),
        new Row("nul_character", HttpMethod.Post, Statements, Json("{\"text\": \"I like\\u0000 tea\"}"), 400, ApiProblems.InvalidArgument),
        new Row("lone_surrogate", HttpMethod.Post, Statements, Json("{\"text\": \"I like \\ud800 tea\"}"), 400, ApiProblems.InvalidUtf8, JsonPath: "$.text"),
        new Row("control_character_in_user", HttpMethod.Post, "/v1/users/bad%01user/statements", Json("{\"text\": \"I like tea\"}"), 400, ApiProblems.InvalidArgument),
        new Row("user_id_too_long", HttpMethod.Post, $"/v1/users/{new string('u', 201)}/statements", Json("{\"text\": \"I like tea\"}"), 400, ApiProblems.InvalidArgument),
        new Row("wrong_content_type", HttpMethod.Post, Statements, () => new StringContent("{\"text\": \"I like tea\"}", Encoding.UTF8, "text/plain"), 415, ApiProblems.UnsupportedMediaType),
        new Row("observe_no_turns", HttpMethod.Post, Observations, Json("{\"turns\": []}"), 400, ApiProblems.InvalidArgument),
        new Row("observe_turn_without_role", HttpMethod.Post, Observations, Json("{\"turns\": [{\"content\": \"I like tea\"}]}"), 400, ApiProblems.InvalidArgument),
        new Row("observe_null_turn", HttpMethod.Post, Observations, Json("{\"turns\": [null]}"), 400, ApiProblems.InvalidArgument),
        new Row("select_missing_text", HttpMethod.Post, Select, Json("{\"attributes\": {\"domain\": \"food\"}}"), 400, ApiProblems.InvalidArgument),
        new Row("select_attribute_control_character", HttpMethod.Post, Select, Json("{\"text\": \"dinner\", \"attributes\": {\"domain\": \"fo\\u0001od\"}}"), 400, ApiProblems.InvalidArgument),
        new Row("import_duplicate_ids", HttpMethod.Post, $"/v1/users/{User}/events", Json("[{\"id\": \"ev_x\", \"kind\": \"statement\", \"text\": \"I like tea\"}, {\"id\": \"ev_x\", \"kind\": \"statement\", \"text\": \"I like tea\"}]"), 400, ApiProblems.InvalidArgument),
        new Row("import_missing_id", HttpMethod.Post, $"/v1/users/{User}/events", Json("[{\"kind\": \"statement\", \"text\": \"I like tea\"}]"), 400, ApiProblems.InvalidRequest),
        new Row("import_unknown_kind", HttpMethod.Post, $"/v1/users/{User}/events", Json("[{\"id\": \"ev_y\", \"kind\": \"telepathy\", \"text\": \"I like tea\"}]"), 400, ApiProblems.InvalidArgument),
        new Row("import_empty", HttpMethod.Post, $"/v1/users/{User}/events", Json("[]"), 400, ApiProblems.InvalidArgument),
        new Row("compare_missing_preferred", HttpMethod.Post, Comparisons, Json("{\"context\": \"Explain DNS.\", \"rejected\": \"A long answer.\"}"), 400, ApiProblems.InvalidArgument),
        new Row("compare_unknown_magnitude", HttpMethod.Post, Comparisons, Json("{\"context\": \"c\", \"preferred\": \"a\", \"rejected\": \"b\", \"magnitude\": \"enormous\"}"), 400, ApiProblems.InvalidEnumValue, JsonPath: "$.magnitude"),
        new Row("compare_magnitude_out_of_range", HttpMethod.Post, Comparisons, Json("{\"context\": \"c\", \"preferred\": \"a\", \"rejected\": \"b\", \"magnitude\": 7}"), 400, ApiProblems.InvalidArgument),
        new Row("compare_text_too_long", HttpMethod.Post, Comparisons, Json("{\"context\": \"c\", \"preferred\": \"" + new string('a', 16_001) + "\", \"rejected\": \"b\"}"), 400, ApiProblems.TextTooLong),
        new Row("rate_missing_score", HttpMethod.Post, Ratings, Json("{\"context\": \"Explain DNS.\", \"response\": \"DNS maps names.\"}"), 400, ApiProblems.InvalidArgument),
        new Row("rate_score_outside_scale", HttpMethod.Post, Ratings, Json("{\"context\": \"Explain DNS.\", \"response\": \"DNS maps names.\", \"score\": 7}"), 400, ApiProblems.InvalidArgument),
        new Row("rate_empty_scale", HttpMethod.Post, Ratings, Json("{\"context\": \"Explain DNS.\", \"response\": \"DNS maps names.\", \"score\": 3, \"minimum\": 5, \"maximum\": 1}"), 400, ApiProblems.InvalidArgument),
        new Row("choose_chosen_out_of_range", HttpMethod.Post, Choices, Json("{\"context\": \"Pick one\", \"candidates\": [\"a\", \"b\"], \"chosen\": 2}"), 400, ApiProblems.InvalidArgument),
        new Row("choose_negative_chosen", HttpMethod.Post, Choices, Json("{\"context\": \"Pick one\", \"candidates\": [\"a\", \"b\"], \"chosen\": -1}"), 400, ApiProblems.InvalidArgument),
        new Row("choose_one_candidate", HttpMethod.Post, Choices, Json("{\"context\": \"Pick one\", \"candidates\": [\"a\"], \"chosen\": 0}"), 400, ApiProblems.InvalidArgument),
        new Row("choose_missing_chosen", HttpMethod.Post, Choices, Json("{\"context\": \"Pick one\", \"candidates\": [\"a\", \"b\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("rank_empty_candidates", HttpMethod.Post, Rank, Json("{\"text\": \"Restaurants in Rome?\", \"candidates\": []}"), 400, ApiProblems.InvalidArgument),
        new Row("rank_missing_text", HttpMethod.Post, Rank, Json("{\"candidates\": [\"a trattoria\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("rank_blank_candidate", HttpMethod.Post, Rank, Json("{\"text\": \"Restaurants in Rome?\", \"candidates\": [\"a trattoria\", \" \"]}"), 400, ApiProblems.InvalidArgument),
        new Row("react_missing_turn", HttpMethod.Post, Reactions, Json("{\"request\": \"Explain DNS.\", \"answer\": \"DNS is ...\"}"), 400, ApiProblems.InvalidArgument),
        new Row("edit_missing_edited", HttpMethod.Post, Edits, Json("{\"context\": \"Write to the team\", \"output\": \"Hello team.\"}"), 400, ApiProblems.InvalidArgument),
        new Row("edit_text_too_long", HttpMethod.Post, Edits, Json("{\"context\": \"c\", \"output\": \"a\", \"edited\": \"" + new string('a', 16_001) + "\"}"), 400, ApiProblems.TextTooLong),
        new Row("train_epochs_out_of_range", HttpMethod.Post, "/v1/train", Json("{\"epochs\": 0}"), 400, ApiProblems.InvalidArgument),
        new Row("train_missing_api_key", HttpMethod.Post, "/v1/train", Json("{}"), 401, ApiProblems.MissingApiKey, Auth: "none"),
        new Row("edit_no_fields", HttpMethod.Patch, $"/v1/users/{User}/preferences/pf_x", Json("{}"), 400, ApiProblems.InvalidArgument),
        new Row("edit_strength_out_of_range", HttpMethod.Patch, $"/v1/users/{User}/preferences/pf_x", Json("{\"strength\": 1.5}"), 400, ApiProblems.InvalidArgument),
        new Row("edit_blank_text", HttpMethod.Patch, $"/v1/users/{User}/preferences/pf_x", Json("{\"text\": \" \"}"), 400, ApiProblems.InvalidArgument),
        new Row("edit_unknown_field", HttpMethod.Patch, $"/v1/users/{User}/preferences/pf_x", Json("{\"txt\": \"I like tea\"}"), 400, ApiProblems.UnknownField, JsonPath: "$.txt"),
        new Row("edit_unknown_preference", HttpMethod.Patch, $"/v1/users/{User}/preferences/pf_does_not_exist", Json("{\"strength\": 0.3}"), 404, ApiProblems.NotFound),
        new Row("narrow_missing_not_for", HttpMethod.Post, $"/v1/users/{User}/preferences/pf_x/narrow", Json("{}"), 400, ApiProblems.InvalidArgument),
        new Row("narrow_blank_not_for", HttpMethod.Post, $"/v1/users/{User}/preferences/pf_x/narrow", Json("{\"notFor\": \" \"}"), 400, ApiProblems.InvalidArgument),
        new Row("narrow_unknown_field", HttpMethod.Post, $"/v1/users/{User}/preferences/pf_x/narrow", Json("{\"notfr\": \"my friends\"}"), 400, ApiProblems.UnknownField, JsonPath: "$.notfr"),
        new Row("narrow_unknown_preference", HttpMethod.Post, $"/v1/users/{User}/preferences/pf_does_not_exist/narrow", Json("{\"notFor\": \"my friends\"}"), 404, ApiProblems.NotFound),
        new Row("verdict_missing_verdict", HttpMethod.Post, $"/v1/users/{User}/principles/length:-1/verdicts", Json("{}"), 400, ApiProblems.InvalidArgument),
        new Row("verdict_unknown_verdict", HttpMethod.Post, $"/v1/users/{User}/principles/length:-1/verdicts", Json("{\"verdict\": \"shrug\"}"), 400, ApiProblems.InvalidEnumValue, JsonPath: "$.verdict"),
        new Row("verdict_correct_without_text", HttpMethod.Post, $"/v1/users/{User}/principles/length:-1/verdicts", Json("{\"verdict\": \"correct\"}"), 400, ApiProblems.InvalidArgument),
        new Row("verdict_confirm_with_text", HttpMethod.Post, $"/v1/users/{User}/principles/length:-1/verdicts", Json("{\"verdict\": \"confirm\", \"correction\": \"I like tea\"}"), 400, ApiProblems.InvalidArgument),
        new Row("verdict_unknown_principle", HttpMethod.Post, $"/v1/users/{User}/principles/no-such-principle/verdicts", Json("{\"verdict\": \"delete\"}"), 404, ApiProblems.NotFound),
        new Row("search_missing_query", HttpMethod.Get, $"/v1/users/{User}/preferences/search", null, 400, ApiProblems.InvalidArgument),
        new Row("search_blank_query", HttpMethod.Get, $"/v1/users/{User}/preferences/search?q=%20%20", null, 400, ApiProblems.InvalidArgument),
        new Row("search_limit_out_of_range", HttpMethod.Get, $"/v1/users/{User}/preferences/search?q=food&limit=0", null, 400, ApiProblems.InvalidArgument),
        new Row("search_limit_not_a_number", HttpMethod.Get, $"/v1/users/{User}/preferences/search?q=food&limit=ten", null, 400, ApiProblems.InvalidArgument),
        new Row("search_filter_bad_key", HttpMethod.Get, $"/v1/users/{User}/preferences/search?q=food&metadata.bad%20key=mail", null, 400, ApiProblems.InvalidArgument),
        new Row("webhook_missing_url", HttpMethod.Post, "/v1/webhooks", Json("{\"events\": [\"preference.created\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("webhook_not_http_url", HttpMethod.Post, "/v1/webhooks", Json("{\"url\": \"ftp://example.com/hook\", \"events\": [\"preference.created\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("webhook_relative_url", HttpMethod.Post, "/v1/webhooks", Json("{\"url\": \"/hook\", \"events\": [\"preference.created\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("webhook_no_events", HttpMethod.Post, "/v1/webhooks", Json("{\"url\": \"https://example.com/hook\", \"events\": []}"), 400, ApiProblems.InvalidArgument),
        new Row("webhook_unknown_event", HttpMethod.Post, "/v1/webhooks", Json("{\"url\": \"https://example.com/hook\", \"events\": [\"preference.eaten\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("webhook_duplicate_event", HttpMethod.Post, "/v1/webhooks", Json("{\"url\": \"https://example.com/hook\", \"events\": [\"user.forgotten\", \"user.forgotten\"]}"), 400, ApiProblems.InvalidArgument),
        new Row("webhook_unknown_field", HttpMethod.Post, "/v1/webhooks", Json("{\"url\": \"https://example.com/hook\", \"events\": [\"user.forgotten\"], \"secret\": \"mine\"}"), 400, ApiProblems.UnknownField, JsonPath: "$.secret"),
        new Row("webhook_unknown", HttpMethod.Get, "/v1/webhooks/wh_000000000000000000000000", null, 404, ApiProblems.NotFound),
        new Row("webhook_delete_unknown", HttpMethod.Delete, "/v1/webhooks/wh_000000000000000000000000", null, 404, ApiProblems.NotFound),
        new Row("webhook_deliveries_unknown", HttpMethod.Get, "/v1/webhooks/wh_000000000000000000000000/deliveries", null, 404, ApiProblems.NotFound),
        new Row("import_wrong_content_type", HttpMethod.Post, "/v1/imports", Json("{\"user\": \"u\", \"kind\": \"statement\", \"text\": \"I like tea\"}"), 415, ApiProblems.UnsupportedMediaType),
        new Row("import_empty_upload", HttpMethod.Post, "/v1/imports", () => new StringContent("\n \n", Encoding.UTF8, "application/x-ndjson"), 400, ApiProblems.EmptyBody),
        new Row("import_unknown", HttpMethod.Get, "/v1/imports/imp_000000000000000000000000", null, 404, ApiProblems.NotFound),
        new Row("import_malformed_id", HttpMethod.Get, "/v1/imports/..%2F..%2Fetc", null, 404, ApiProblems.NotFound),
        new Row("unknown_preference", HttpMethod.Delete, $"/v1/users/{User}/preferences/pf_does_not_exist", null, 404, ApiProblems.NotFound),
        new Row("unknown_user", HttpMethod.Delete, "/v1/users/nobody-at-all", null, 404, ApiProblems.NotFound),
        new Row("unknown_user_preference", HttpMethod.Delete, "/v1/users/nobody-at-all/preferences/pf_x", null, 404, ApiProblems.NotFound),
        new Row("users_limit_zero", HttpMethod.Get, "/v1/users?limit=0", null, 400, ApiProblems.InvalidArgument),
        new Row("users_limit_too_large", HttpMethod.Get, "/v1/users?limit=501", null, 400, ApiProblems.InvalidArgument),
        new Row("users_limit_not_a_number", HttpMethod.Get, "/v1/users?limit=ten", null, 400, ApiProblems.InvalidRequest),
        new Row("users_cursor_garbage", HttpMethod.Get, "/v1/users?cursor=%25%25not-base64", null, 400, ApiProblems.InvalidArgument),
        new Row("users_cursor_not_ours", HttpMethod.Get, "/v1/users?cursor=aGVsbG8", null, 400, ApiProblems.InvalidArgument),
        new Row("users_search_too_long", HttpMethod.Get, $"/v1/users?q={new string('q', 201)}", null, 400, ApiProblems.InvalidArgument),
        new Row("users_missing_api_key", HttpMethod.Get, "/v1/users", null, 401, ApiProblems.MissingApiKey, Auth: "none"),
        new Row("unknown_user_summary", HttpMethod.Get, "/v1/users/nobody-at-all", null, 404, ApiProblems.NotFound),
        new Row("user_summary_control_character", HttpMethod.Get, "/v1/users/bad%01user", null, 400, ApiProblems.InvalidArgument),
        new Row("unknown_route", HttpMethod.Get, $"/v1/users/{User}/nothing-here", null, 404, ApiProblems.NotFound),
        new Row("wrong_method", HttpMethod.Put, Statements, Json("{\"text\": \"I like tea\"}"), 405, ApiProblems.InvalidRequest),
        new Row("missing_api_key", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 401, ApiProblems.MissingApiKey, Auth: "none"),
        new Row("garbage_api_key", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 401, ApiProblems.InvalidApiKey, Auth: "garbage"),
        new Row("unknown_api_key", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 401, ApiProblems.InvalidApiKey, Auth: "unknown"),
        new Row("wrong_secret", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 401, ApiProblems.InvalidApiKey, Auth: "wrong-secret"),
        new Row("revoked_api_key", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 401, ApiProblems.InvalidApiKey, Auth: "revoked"),
        new Row("revoked_api_key_read", HttpMethod.Get, $"/v1/users/{User}/events", null, 401, ApiProblems.InvalidApiKey, Auth: "revoked"),
        new Row("invalid_idempotency_key", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 400, ApiProblems.InvalidIdempotencyKey, IdempotencyKey: "has spaces in it"),
        new Row("idempotency_key_too_long", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\"}"), 400, ApiProblems.InvalidIdempotencyKey, IdempotencyKey: new string('k', 201)),
        new Row("metadata_too_many_keys", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"metadata\": {" + string.Join(", ", Enumerable.Range(0, 17).Select(static i => $"\"k{i}\": \"v\"")) + "}}"), 400, ApiProblems.InvalidArgument),
        new Row("metadata_bad_key", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"metadata\": {\"my app\": \"mail\"}}"), 400, ApiProblems.InvalidArgument),
        new Row("metadata_value_too_long", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"metadata\": {\"app\": \"" + new string('m', 257) + "\"}}"), 400, ApiProblems.InvalidArgument),
        new Row("metadata_empty_value", HttpMethod.Post, Observations, Json("{\"turns\": [{\"role\": \"user\", \"content\": \"I like tea\"}], \"metadata\": {\"app\": \"\"}}"), 400, ApiProblems.InvalidArgument),
        new Row("metadata_not_a_string", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"metadata\": {\"app\": 5}}"), 400, ApiProblems.InvalidRequest),
        new Row("ttl_malformed", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"ttl\": \"next week\"}"), 400, ApiProblems.InvalidArgument),
        new Row("ttl_months", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"ttl\": \"P1M\"}"), 400, ApiProblems.InvalidArgument),
        new Row("ttl_zero_seconds", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"ttl\": 0}"), 400, ApiProblems.InvalidArgument),
        new Row("ttl_and_expires_at", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"ttl\": \"P1D\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}"), 400, ApiProblems.InvalidArgument),
        new Row("expires_at_in_the_past", HttpMethod.Post, Statements, Json("{\"text\": \"I like tea\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}"), 400, ApiProblems.InvalidArgument),
        new Row("import_bad_metadata", HttpMethod.Post, $"/v1/users/{User}/events", Json("[{\"id\": \"ev_m\", \"kind\": \"statement\", \"text\": \"I like tea\", \"metadata\": {\"bad key\": \"x\"}}]"), 400, ApiProblems.InvalidArgument),
        new Row("list_filter_bad_key", HttpMethod.Get, $"/v1/users/{User}/preferences?metadata.bad%20key=mail", null, 400, ApiProblems.InvalidArgument),
        new Row("list_filter_no_value", HttpMethod.Get, $"/v1/users/{User}/preferences?metadata.app=", null, 400, ApiProblems.InvalidArgument),
        new Row("history_filter_no_key", HttpMethod.Get, $"/v1/users/{User}/history?metadata.=mail", null, 400, ApiProblems.InvalidArgument),
        new Row("export_filter_no_value", HttpMethod.Get, $"/v1/users/{User}/events?metadata.app", null, 400, ApiProblems.InvalidArgument),
        new Row("select_filter_bad_key", HttpMethod.Post, $"{Select}?metadata.a%2Fb=mail", Json("{\"text\": \"dinner\"}"), 400, ApiProblems.InvalidArgument),
        new Row("multislot_no_slots", HttpMethod.Post, "/personalizer/v1.0/multislot/rank", Json("{\"contextFeatures\": [], \"actions\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}"), 400, ApiProblems.InvalidArgument),
        new Row("multislot_duplicate_slot", HttpMethod.Post, "/personalizer/v1.0/multislot/rank", Json("{\"contextFeatures\": [], \"actions\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"slots\": [{\"id\": \"Main\"}, {\"id\": \"Main\"}]}"), 400, ApiProblems.InvalidArgument),
        new Row("multislot_reward_no_slot", HttpMethod.Post, "/personalizer/v1.0/multislot/events/ev1/reward", Json("{\"reward\": [{\"value\": 1}]}"), 400, ApiProblems.InvalidArgument),
        new Row("evaluate_no_policy", HttpMethod.Post, "/v1/decisions/evaluations", Json("{}"), 400, ApiProblems.InvalidArgument),
        new Row("evaluate_bad_range", HttpMethod.Post, $"/v1/users/{User}/decisions/evaluations", Json("{\"policy\": \"inverseGap\", \"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}"), 400, ApiProblems.InvalidArgument),
        new Row("recommend_bad_count", HttpMethod.Get, $"/v1/users/{User}/recommendations?count=0", null, 400, ApiProblems.InvalidArgument),
        new Row("idempotency_key_reused", HttpMethod.Post, Statements, Json("{\"text\": \"I like green tea\"}"), 422, ApiProblems.IdempotencyKeyReused, IdempotencyKey: "seed-1"),
    }.ToDictionary(static row => row.Name);

    private static readonly string[] FrameworkWords = ["Implicit body", "(Parameter '", "System.", "Penchant.", ".NET", "LineNumber", "Did you mean"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task BadInput_ReturnsDocumentedProblem_AndChangesNothing(string name)
    {
        // Arrange: a user with two preferences (seeded idempotently, so every row sees the same store)
        Row row = Rows[name];
        HttpClient client = await factory.CreateTenantClientAsync("matrix", Cancellation);
        await SeedAsync(client);
        string eventsBefore = await client.GetStringAsync($"/v1/users/{User}/events", Cancellation);
        string historyBefore = await client.GetStringAsync($"/v1/users/{User}/history", Cancellation);
        string rowsBefore = await factory.CountRowsAsync(Cancellation);
        HttpClient sender = await ClientForAsync(row.Auth, client);

        // Act
        using var request = new HttpRequestMessage(row.Method, row.Path) { Content = row.Body?.Invoke() };
        if (row.IdempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", row.IdempotencyKey);
        }

        HttpResponseMessage response = await sender.SendAsync(request, Cancellation);

        // Assert: the documented status and code, as problem details
        Assert.Equal((HttpStatusCode)row.Status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(row.Status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(row.Code == problem.RootElement.GetProperty("errorCode").GetString(), problem.RootElement.ToString());
        if (row.JsonPath is not null)
        {
            Assert.Equal(row.JsonPath, problem.RootElement.GetProperty("jsonPath").GetString());
        }

        // Assert: words a person understands, not the framework's sentences or .NET names
        string detail = problem.RootElement.TryGetProperty("detail", out JsonElement d) ? d.GetString() ?? string.Empty : string.Empty;
        Assert.True(row.Status >= 405 || row.Status == 401 || row.Status == 404 || detail.Length > 0, $"{name}: no detail");
        foreach (string leak in FrameworkWords)
        {
            Assert.DoesNotContain(leak, detail, StringComparison.Ordinal);
        }

        // Assert: nothing changed
        Assert.Equal(eventsBefore, await client.GetStringAsync($"/v1/users/{User}/events", Cancellation));
        Assert.Equal(historyBefore, await client.GetStringAsync($"/v1/users/{User}/history", Cancellation));
        Assert.Equal(rowsBefore, await factory.CountRowsAsync(Cancellation));
    }

    [Fact]
    public void Matrix_CoversEveryDocumentedRow()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "service.md"));
        foreach (Row row in Rows.Values)
        {
            Assert.Contains($"| `{row.Name}` |", doc, StringComparison.Ordinal);
            Assert.Contains($"| {row.Status} | `{row.Code}` |", doc, StringComparison.Ordinal);
        }
    }

    internal static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Penchant.slnx")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Penchant.slnx not found above the test's output folder.");
    }

    private static Func<HttpContent> Json(string body) => () => new StringContent(body, Encoding.UTF8, "application/json");

    private static HttpContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task SeedAsync(HttpClient client)
    {
        string[] statements = ["I'm vegetarian, no meat or fish please.", "Always answer me in short bullet points."];
        for (int i = 0; i < statements.Length; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Statements) { Content = JsonContent.Create(new RememberRequest(statements[i])) };
            request.Headers.Add("Idempotency-Key", $"seed-{i + 1}");
            HttpResponseMessage response = await client.SendAsync(request, Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<HttpClient> ClientForAsync(string auth, HttpClient valid)
    {
        if (auth == "valid")
        {
            return valid;
        }

        HttpClient client = factory.CreateClient();
        string? key = auth switch
        {
            "none" => null,
            "garbage" => "not-a-key",
            "unknown" => "pk_0123456789ab_" + new string('A', 43),
            "wrong-secret" => WrongSecret((await factory.Keys.CreateKeyAsync("matrix", Cancellation)).Key),
            "revoked" => await RevokedKeyAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(auth)),
        };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static string WrongSecret(string key) => key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

    private async Task<string> RevokedKeyAsync()
    {
        CreatedApiKey key = await factory.Keys.CreateKeyAsync("matrix", Cancellation);
        Assert.True(await factory.Keys.RevokeKeyAsync(key.KeyId, Cancellation));
        return key.Key;
    }

    private sealed record Row(string Name, HttpMethod Method, string Path, Func<HttpContent>? Body, int Status, string Code, string Auth = "valid", string? IdempotencyKey = null, string? JsonPath = null);
}
