-- POST /v1/users/{user}/statements with a unique statement per request over USERS users.
-- KEYED=1 sends an Idempotency-Key with each write.
local common = dofile(debug.getinfo(1, "S").source:match("@?(.*/)") .. "common.lua")
local keyed = os.getenv("KEYED") == "1"
local subjects = { "tea", "jazz", "trains", "spicy food", "dark mode", "long walks", "sci-fi novels", "window seats",
  "early flights", "short answers", "tabs over spaces", "quiet hotels", "board games", "fresh pasta", "museums" }
local verbs = { "I love", "I prefer", "I can't stand", "I always want", "I never want", "I'm fond of" }
local counter = 0
common.threads(104729)
request = function()
  counter = counter + 1
  local user = math.random(0, common.users - 1)
  local text = verbs[math.random(1, #verbs)] .. " " .. subjects[math.random(1, #subjects)] .. " (note " .. thread_id .. "-" .. counter .. ")"
  local headers = common.headers()
  if keyed then headers["Idempotency-Key"] = "w-" .. os.time() .. "-" .. thread_id .. "-" .. counter end
  return wrk.format("POST", "/v1/users/load-" .. user .. "/statements", headers, '{"text":"' .. text .. '"}')
end
