-- POST /personalizer/v1.0/rank: decide.lua's decision in Azure Personalizer's v1.0 shape (contextFeatures and each
-- action's features as lists of objects; one policy per tenant, so every request updates the same user's policy).
local common = dofile(debug.getinfo(1, "S").source:match("@?(.*/)") .. "common.lua")
common.threads(6011)

local function actions()
  local parts = {}
  for a = 0, 99 do
    parts[#parts + 1] = string.format('{"id":"item%d","features":[{"category":"c%d"},{"price":%.3f,"rating":%.3f,"age":%.3f}]}',
      a, a % 12, ((a * 37) % 100) / 100, ((a * 53) % 100) / 100, ((a * 71) % 100) / 100)
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

local devices = { "mobile", "desktop", "tablet" }
local times = { "morning", "afternoon", "evening", "night" }
local body_actions = actions()
local counter = 0

request = function()
  counter = counter + 1
  local id = string.format("ev-t%d-%d-%d", thread_id, os.time(), counter)
  local body = string.format('{"eventId":"%s","contextFeatures":[{"device":"%s","time":"%s"},{"age":%.2f,"visits":%d,"country":"pt"}],"actions":%s}',
    id, devices[math.random(1, #devices)], times[math.random(1, #times)], math.random(), math.random(0, 20), body_actions)
  return wrk.format("POST", "/personalizer/v1.0/rank", common.headers(), body)
end
