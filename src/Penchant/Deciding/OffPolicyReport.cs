namespace Penchant.Deciding;

/// <summary>A candidate policy's value estimated from decisions another policy made, by four estimators.</summary>
/// <param name="Decisions">The number of logged decisions with a known reward that the estimate uses.</param>
/// <param name="Ips">Inverse propensity scoring: unbiased when the logged propensities are right, high variance.</param>
/// <param name="Snips">Self-normalized IPS: IPS divided by the mean weight; slightly biased, lower variance.</param>
/// <param name="DirectMethod">The direct method: the reward model's prediction averaged over the candidate's choices.</param>
/// <param name="DoublyRobust">Doubly robust: the direct method corrected by importance-weighted residuals.</param>
/// <param name="MeanWeight">The mean importance weight π/μ (about 1 when the propensities and the candidate overlap).</param>
public sealed record OffPolicyReport(int Decisions, Estimate Ips, Estimate Snips, Estimate DirectMethod, Estimate DoublyRobust, double MeanWeight);
