-- Shared by the wrk scripts: the API key and user count from the environment, realistic request texts, one thread id per
-- wrk thread (for unique texts) and a per-thread random seed. Load it with dofile(dir .. "common.lua").
local common = {}
common.key = os.getenv("PENCHANT_KEY")
common.users = tonumber(os.getenv("USERS") or "100")
common.requests = {
  "Suggest a dinner recipe for tonight", "Find us a trattoria in Rome for Friday", "Draft an email to my boss about the delay",
  "Book a flight to Berlin next week", "Plan a weekend in Barcelona", "Recommend a hotel near the station",
  "Write a Python function to parse CSV", "What should I cook for a dinner party of six", "Summarize this article for me",
  "Help me plan my training week", "Find a restaurant for a business lunch", "Suggest a cocktail bar for Saturday",
  "Translate this paragraph into French", "What wine goes with mushroom risotto", "Plan a team meeting next Tuesday",
  "Recommend a podcast about history", "Suggest a gift for my sister", "Describe this photo of the beach",
  "Find a vegetarian lunch spot nearby", "Write a short bio for my website", "How do I get from Lyon to Paris",
  "Suggest snacks for a road trip", "Explain how compound interest works", "Pick a movie for tonight",
}

function common.headers()
  return { ["Authorization"] = "Bearer " .. common.key, ["Content-Type"] = "application/json" }
end

-- Installs wrk's setup and init: each thread gets thread_id 1, 2, … and its own seed.
function common.threads(seed)
  local threads = {}
  thread_id = 0
  setup = function(thread)
    thread:set("thread_id", #threads + 1)
    table.insert(threads, thread)
  end
  init = function(args)
    math.randomseed(thread_id * seed + os.time())
  end
end

return common
