-- A mixed workload over USERS seeded users: 70% select, 20% remember, 10% list preferences.
local key = os.getenv("PENCHANT_KEY")
local users = tonumber(os.getenv("USERS") or "100")
local requests = {
  "Suggest a dinner recipe for tonight", "Find us a trattoria in Rome for Friday", "Draft an email to my boss about the delay",
  "Book a flight to Berlin next week", "Plan a weekend in Barcelona", "Recommend a hotel near the station",
  "Write a Python function to parse CSV", "What should I cook for a dinner party of six", "Help me plan my training week",
  "Find a restaurant for a business lunch", "What wine goes with mushroom risotto", "Describe this photo of the beach",
}
local counter = 0
thread_id = 0
local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(thread_id * 15485863 + os.time())
end
request = function()
  counter = counter + 1
  local user = "user-" .. math.random(0, users - 1)
  local headers = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
  local dice = math.random()
  if dice < 0.7 then
    local text = requests[math.random(1, #requests)]
    return wrk.format("POST", "/v1/users/" .. user .. "/select", headers, '{"text":"' .. text .. '"}')
  elseif dice < 0.9 then
    local text = "I prefer option " .. math.random(1, 50) .. " (note " .. thread_id .. "-" .. counter .. ")"
    return wrk.format("POST", "/v1/users/" .. user .. "/statements", headers, '{"text":"' .. text .. '"}')
  else
    return wrk.format("GET", "/v1/users/" .. user .. "/preferences", headers)
  end
end
