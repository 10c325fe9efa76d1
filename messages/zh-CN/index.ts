import common from "./common.json";
import labels from "./labels.json";
import format from "./format.json";
import auth from "./auth.json";
import account from "./account.json";
import overview from "./overview.json";
import journey from "./journey.json";
import risk from "./risk.json";
import backtest from "./backtest.json";
import customers from "./customers.json";
import timeline from "./timeline.json";
import tasks from "./tasks.json";
import playbooks from "./playbooks.json";
import outreach from "./outreach.json";
import delight from "./delight.json";
import advocates from "./advocates.json";
import revenue from "./revenue.json";
import settings from "./settings.json";
import notifications from "./notifications.json";
import errors from "./errors.json";
import emails from "./emails.json";
import preferences from "./preferences.json";

const messages = {
  common,
  labels,
  format,
  auth,
  account,
  overview,
  journey,
  risk,
  backtest,
  customers,
  timeline,
  tasks,
  playbooks,
  outreach,
  delight,
  advocates,
  revenue,
  settings,
  notifications,
  errors,
  emails,
  preferences,
};

export default messages;
