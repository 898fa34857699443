-- POST /v1/users/{user}/decisions: one decision among 100 actions with precomputed features (a category of 12 and three
-- numbers each; five context features; no texts, so nothing is embedded) for one of USERS users, the same shape as
-- DecisionBenchmarks. REWARD=1 rewards every decision right after it (the next request of the same connection), so the
-- run measures decide and reward alternately and the policy learns.
local common = dofile(debug.getinfo(1, "S").source:match("@?(.*/)") .. "common.lua")
local reward = os.getenv("REWARD") == "1"
common.threads(6007)

local function actions()
  local parts = {}
  for a = 0, 99 do
    parts[#parts + 1] = string.format('{"id":"item%d","features":{"category":"c%d","price":%.3f,"rating":%.3f,"age":%.3f}}',
      a, a % 12, ((a * 37) % 100) / 100, ((a * 53) % 100) / 100, ((a * 71) % 100) / 100)
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

local devices = { "mobile", "desktop", "tablet" }
local times = { "morning", "afternoon", "evening", "night" }
local body_actions = actions()
local pending = {}
local counter = 0

request = function()
  if reward and #pending > 0 then
    -- The decision's identifier names its user (set below), so any connection of the thread can send the reward.
    local id = table.remove(pending)
    local path = "/v1/users/" .. id:match("^(.-)%.") .. "/decisions/" .. id .. "/reward"
    local value = math.random() < 0.25 and "1" or "0"
    return wrk.format("POST", path, common.headers(), '{"value":' .. value .. '}')
  end
  counter = counter + 1
  local user = "user-" .. math.random(0, common.users - 1)
  local id = string.format("%s.t%d-%d-%d", user, thread_id, os.time(), counter)
  local body = string.format('{"decisionId":"%s","context":{"features":{"device":"%s","time":"%s","age":%.2f,"visits":%d,"country":"pt"}},"actions":%s}',
    id, devices[math.random(1, #devices)], times[math.random(1, #times)], math.random(), math.random(0, 20), body_actions)
  return wrk.format("POST", "/v1/users/" .. user .. "/decisions", common.headers(), body)
end

response = function(status, headers, body)
  if reward and status == 200 then
    local id = body:match('"decisionId":"([^"]+)"')
    if id ~= nil then table.insert(pending, id) end
  end
end
