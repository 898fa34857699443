-- POST /v1/users/{user}/select over a list of realistic requests and USERS seeded users.
-- COLD=1 appends a unique number to every request, so each one must be embedded (no embedding cache hit).
local common = dofile(debug.getinfo(1, "S").source:match("@?(.*/)") .. "common.lua")
local cold = os.getenv("COLD") == "1"
local counter = 0
common.threads(7919)
request = function()
  counter = counter + 1
  local user = math.random(0, common.users - 1)
  local text = common.requests[math.random(1, #common.requests)]
  if cold then text = text .. " (ref " .. thread_id .. "-" .. counter .. ")" end
  local body = '{"text":"' .. text .. '","attributes":{"channel":"chat"}}'
  return wrk.format("POST", "/v1/users/user-" .. user .. "/select", common.headers(), body)
end
