-- A mixed workload over USERS seeded users: 70% select, 20% remember, 10% list preferences.
local common = dofile(debug.getinfo(1, "S").source:match("@?(.*/)") .. "common.lua")
local counter = 0
common.threads(15485863)
request = function()
  counter = counter + 1
  local user = "user-" .. math.random(0, common.users - 1)
  local headers = common.headers()
  local dice = math.random()
  if dice < 0.7 then
    local text = common.requests[math.random(1, #common.requests)]
    return wrk.format("POST", "/v1/users/" .. user .. "/select", headers, '{"text":"' .. text .. '"}')
  elseif dice < 0.9 then
    local text = "I prefer option " .. math.random(1, 50) .. " (note " .. thread_id .. "-" .. counter .. ")"
    return wrk.format("POST", "/v1/users/" .. user .. "/statements", headers, '{"text":"' .. text .. '"}')
  else
    return wrk.format("GET", "/v1/users/" .. user .. "/preferences", headers)
  end
end
