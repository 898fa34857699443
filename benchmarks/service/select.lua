-- POST /v1/users/{user}/select over a list of realistic requests and USERS seeded users.
-- COLD=1 appends a unique number to every request, so each one must be embedded (no embedding cache hit).
local key = os.getenv("PENCHANT_KEY")
local users = tonumber(os.getenv("USERS") or "100")
local cold = os.getenv("COLD") == "1"
local requests = {
  "Suggest a dinner recipe for tonight", "Find us a trattoria in Rome for Friday", "Draft an email to my boss about the delay",
  "Book a flight to Berlin next week", "Plan a weekend in Barcelona", "Recommend a hotel near the station",
  "Write a Python function to parse CSV", "What should I cook for a dinner party of six", "Summarize this article for me",
  "Help me plan my training week", "Find a restaurant for a business lunch", "Suggest a cocktail bar for Saturday",
  "Translate this paragraph into French", "What wine goes with mushroom risotto", "Plan a team meeting next Tuesday",
  "Recommend a podcast about history", "Suggest a gift for my sister", "Describe this photo of the beach",
  "Find a vegetarian lunch spot nearby", "Write a short bio for my website", "How do I get from Lyon to Paris",
  "Suggest snacks for a road trip", "Explain how compound interest works", "Pick a movie for tonight",
}
local counter = 0
thread_id = 0
local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(thread_id * 7919 + os.time())
end
request = function()
  counter = counter + 1
  local user = math.random(0, users - 1)
  local text = requests[math.random(1, #requests)]
  if cold then text = text .. " (ref " .. thread_id .. "-" .. counter .. ")" end
  local body = '{"text":"' .. text .. '","attributes":{"channel":"chat"}}'
  return wrk.format("POST", "/v1/users/user-" .. user .. "/select",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }, body)
end
